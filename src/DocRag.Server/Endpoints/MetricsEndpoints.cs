using DocRag.Server.Metrics;
using DocRag.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocRag.Server.Endpoints;

/// <summary><c>GET /metrics</c>: Prometheus text format; needs an API key when keys are configured.</summary>
public static class MetricsEndpoints
{
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/metrics", GetMetrics).WithName("GetMetrics").WithTags("Health")
            .WithSummary("Prometheus metrics: HTTP requests and latency, index size, generation and embedding counters.")
            .RequireAuthorization(ApiKeyDefaults.Policy)
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }

    private static ContentHttpResult GetMetrics(PrometheusExporter exporter) =>
        TypedResults.Text(exporter.Collect(), PrometheusTextWriter.ContentType);
}
