using DocRag.Core.Diagnostics;

namespace DocRag.Server.Endpoints;

/// <summary>
/// <c>GET /health</c>: DocRag's version and the native runtimes loaded. Open to everyone, so a runtime that failed to
/// load is reported without its error text (which names server paths); <c>docrag --version</c> shows it locally.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetHealth).WithName("GetHealth").WithTags("Health");
        return app;
    }

    private static RuntimeReport GetHealth()
    {
        var report = RuntimeReport.Collect();
        return report with { OnnxRuntime = Redact(report.OnnxRuntime), LlamaCpp = Redact(report.LlamaCpp) };
    }

    internal static NativeComponentStatus Redact(NativeComponentStatus status) =>
        status.Loaded ? status : status with { Detail = "not loaded (see `docrag --version` on the server)" };
}
