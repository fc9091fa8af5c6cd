using DocRag.Server.Metrics;
using DocRag.Server.Problems;
using DocRag.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocRag.Server.Endpoints;

/// <summary>
/// <c>GET /metrics</c>: Prometheus text format; needs an unscoped (admin) API key when keys are configured, since its
/// figures cover the whole index (a key scoped to some collections gets 403).
/// </summary>
public static class MetricsEndpoints
{
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/metrics", GetMetrics).WithName("GetMetrics").WithTags("Health")
            .WithSummary("Prometheus metrics: HTTP requests and latency, index size, generation and embedding counters.")
            .RequireAuthorization(ApiKeyDefaults.Policy)
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static Results<ContentHttpResult, ProblemHttpResult> GetMetrics(PrometheusExporter exporter, HttpContext context) =>
        CollectionAccess.GetScope(context).IsUnrestricted
            ? TypedResults.Text(exporter.Collect(), PrometheusTextWriter.ContentType)
            : DocRagProblems.Create(ProblemTypes.Forbidden, "The metrics cover every collection of the index; they need an API key that is not scoped to collections.");
}
