using DocRag.Core.Diagnostics;
using DocRag.Core.Embeddings;
using DocRag.Core.Generation;

namespace DocRag.Server.Endpoints;

/// <summary>
/// <c>GET /health</c>: DocRag's version, the native runtimes loaded and the models' states. Open to everyone, so a
/// runtime that failed to load is reported without its error text (which names server paths; <c>docrag --version</c>
/// shows it locally), and models without paths or reasons.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetHealth).WithName("GetHealth").WithTags("Health");
        return app;
    }

    private static HealthResponse GetHealth(EmbeddingModelHost embedder, GenerationModelHost generator)
    {
        var report = RuntimeReport.Collect();
        var embedding = embedder.Status;
        var generation = generator.Status;
        return new HealthResponse(report.Version, Redact(report.OnnxRuntime), Redact(report.LlamaCpp), new HealthModels(
            new ModelHealth(ModelStates.Code(embedding.State), embedding.ModelId, embedding.Device),
            new ModelHealth(ModelStates.Code(generation.State), generation.Info?.ModelId, generation.Info?.Device)));
    }

    internal static NativeComponentStatus Redact(NativeComponentStatus status) =>
        status.Loaded ? status : status with { Detail = "not loaded (see `docrag --version` on the server)" };
}
