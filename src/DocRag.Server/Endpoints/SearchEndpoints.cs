using DocRag.Core.Retrieval;
using DocRag.Server.Problems;
using DocRag.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocRag.Server.Endpoints;

/// <summary>
/// <c>POST /v1/search</c>: keyword, vector or hybrid search over the index, within the caller's collections. Vector or
/// hybrid asked for without a usable embedding model is 503 <c>service-unavailable</c> (the detail says why: no model,
/// no vectors yet, vectors of another model); with no mode asked for, search runs by keyword and says why in <c>modeReason</c>.
/// </summary>
public static class SearchEndpoints
{
    public static RouteGroupBuilder MapSearch(this RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        v1.MapPost("/search", SearchAsync)
            .WithName("Search")
            .WithTags("Search")
            .WithSummary("Search the indexed documents")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireReadiness();
        return v1;
    }

    internal static async Task<Results<Ok<SearchResponse>, ValidationProblem, ProblemHttpResult>> SearchAsync(
        SearchRequestBody body, HttpContext context, SearchService search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = Validate(body, out var mode);
        if (errors.Count > 0)
        {
            return DocRagProblems.Validation(errors);
        }

        var collection = string.IsNullOrEmpty(body.Collection) ? null : body.Collection;
        if (collection is not null && !CollectionAccess.IsAllowed(context, collection))
        {
            return DocRagProblems.CollectionForbidden(collection);
        }

        var scope = CollectionAccess.ResolveSearchScope(context, collection);
        try
        {
            var result = await search.SearchAsync(
                new SearchRequest(body.Query!, body.TopK ?? SearchRequest.DefaultTopK, mode, collection, body.PathPrefix, body.Type, scope),
                cancellationToken).ConfigureAwait(false);
            var view = await ScopedView.ForAsync(context, cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(SearchResponse.From(body.Query!, result, view));
        }
        catch (SearchModeUnavailableException ex)
        {
            var view = await ScopedView.ForAsync(context, cancellationToken).ConfigureAwait(false);
            return DocRagProblems.Create(ProblemTypes.ServiceUnavailable, view.Text(ex.Message));
        }
    }

    private static Dictionary<string, string[]> Validate(SearchRequestBody body, out SearchMode? mode)
    {
        var errors = new Dictionary<string, string[]>();
        mode = null;
        if (string.IsNullOrWhiteSpace(body.Query))
        {
            errors["query"] = ["The query is required and cannot be blank."];
        }
        else if (body.Query.Length > SearchRequest.MaxQueryLength)
        {
            errors["query"] = [$"The query can be at most {SearchRequest.MaxQueryLength} characters long."];
        }

        if (body.TopK is < 1 or > SearchRequest.MaxTopK)
        {
            errors["topK"] = [$"topK must be between 1 and {SearchRequest.MaxTopK}."];
        }

        if (body.Mode is not null)
        {
            if (SearchModes.TryParse(body.Mode, out var parsed))
            {
                mode = parsed;
            }
            else
            {
                errors["mode"] = [$"mode must be one of {string.Join(", ", SearchModes.Codes)}."];
            }
        }

        return errors;
    }
}
