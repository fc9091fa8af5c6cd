using DocRag.Core.Storage;
using DocRag.Server.Indexing;
using DocRag.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocRag.Server.Endpoints;

/// <summary><c>GET /v1/collections</c>: each collection the caller may use, with its folder and counts.</summary>
public static class CollectionEndpoints
{
    public static RouteGroupBuilder MapCollections(this RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        v1.MapGet("/collections", ListAsync).WithName("ListCollections").WithTags("Collections")
            .WithSummary("Collections (indexed, watched, or upload folders) with their document, indexed, failed and chunk counts.");
        return v1;
    }

    private static async Task<Ok<CollectionList>> ListAsync(HttpContext context, IndexStore store, CollectionFolders folders, CancellationToken cancellationToken)
    {
        var scope = CollectionAccess.GetScope(context);
        var summaries = (await store.ListCollectionsAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(c => c.Name, StringComparer.Ordinal);
        var known = await folders.ListAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<CollectionItem>();
        foreach (var folder in known.Where(f => scope.Allows(f.Name)))
        {
            var counts = summaries.GetValueOrDefault(folder.Name);
            // Server paths are for the operator: a scoped key (another team's app) does not see them.
            items.Add(new CollectionItem(folder.Name, scope.IsUnrestricted ? folder.Path : null, folder.Source.ToCode(), folder.Watched,
                counts?.Documents ?? 0, counts?.Indexed ?? 0, counts?.Failed ?? 0, counts?.Chunks ?? 0));
        }

        foreach (var summary in summaries.Values.Where(s => scope.Allows(s.Name) && !known.Any(f => f.Name == s.Name)))
        {
            items.Add(new CollectionItem(summary.Name, null, "none", false, summary.Documents, summary.Indexed, summary.Failed, summary.Chunks));
        }

        var defaultCollection = await folders.DefaultForAsync(scope, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new CollectionList([.. items.OrderBy(i => i.Name, StringComparer.Ordinal)], defaultCollection));
    }
}
