using DocRag.Core.Diagnostics;

namespace DocRag.Server.Endpoints;

/// <summary><c>GET /health</c>: DocRag's version and the native runtimes loaded.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetHealth).WithName("GetHealth").WithTags("Health");
        return app;
    }

    private static RuntimeReport GetHealth() => RuntimeReport.Collect();
}
