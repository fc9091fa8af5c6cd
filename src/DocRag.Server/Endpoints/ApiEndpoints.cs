using DocRag.Server.Problems;
using DocRag.Server.Security;

namespace DocRag.Server.Endpoints;

/// <summary>
/// The <c>/v1</c> API: one route group carrying what every resource shares (API key policy, per-key rate limit, the
/// problem responses those produce). Each resource is a static class in Endpoints/ with a <c>MapXxx(this
/// RouteGroupBuilder v1)</c> method called from <see cref="MapDocRagApi"/>.
/// </summary>
public static class ApiEndpoints
{
    public const string Prefix = "/v1";

    /// <summary>Maps the API's resources under <c>/v1</c>.</summary>
    public static RouteGroupBuilder MapDocRagApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapV1Group();
        // One line per resource, for example: v1.MapSearch(); v1.MapAsk(); v1.MapDocuments();
        v1.MapDocuments();
        v1.MapCollections();
        v1.MapIndex();
        v1.MapModels();
        v1.MapChunks();
        v1.MapSearch();
        v1.MapAsk();
        v1.MapChatCompletions();
        v1.MapEmbeddings();
        return v1;
    }

    /// <summary>
    /// A <c>/v1</c> route group with the shared conventions. Resources use the group from <see cref="MapDocRagApi"/>;
    /// this is public so a host (or a test) can add endpoints with the same conventions.
    /// </summary>
    public static RouteGroupBuilder MapV1Group(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.MapGroup(Prefix)
            .RequireAuthorization(ApiKeyDefaults.Policy)
            .RequireRateLimiting(ApiRateLimits.Policy)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status500InternalServerError);
    }
}
