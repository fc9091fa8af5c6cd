using DocRag.Core.Diagnostics;

namespace DocRag.Server.Endpoints;

/// <summary>
/// <c>GET /health</c>: DocRag's version, the native runtimes loaded, and the models' states. Open to everyone, so it
/// names no paths and no reasons (<c>/v1/models</c> has those).
/// </summary>
public sealed record HealthResponse(string Version, NativeComponentStatus OnnxRuntime, NativeComponentStatus LlamaCpp, HealthModels Models);
