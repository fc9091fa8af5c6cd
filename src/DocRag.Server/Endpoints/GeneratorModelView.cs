using DocRag.Core.Generation;

namespace DocRag.Server.Endpoints;

/// <summary>
/// The generator (GGUF through llama.cpp): <c>notLoaded</c>, <c>loading</c>, <c>ready</c>, <c>disabled</c>, <c>notFound</c>
/// or <c>failed</c>. The model facts are set once it is ready.
/// </summary>
/// <param name="File">The GGUF file's name.</param>
/// <param name="ContextSize">The context DocRag runs it with, in tokens.</param>
/// <param name="Device"><c>CPU</c> or the GPU that holds <paramref name="GpuLayers"/> layers.</param>
public sealed record GeneratorModelView(
    string State,
    string? Reason,
    string? ModelId,
    string? File,
    long? SizeBytes,
    long? Parameters,
    int? ContextSize,
    int? TrainContextSize,
    string? ChatTemplate,
    string? Device,
    int? GpuLayers,
    int? Threads)
{
    public static GeneratorModelView From(GenerationModelStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var info = status.Info;
        return new(ModelStates.Code(status.State), status.Reason, info?.ModelId,
            status.ModelPath is { } path ? Path.GetFileName(path) : null, info?.FileSizeBytes, info?.Parameters, info?.ContextSize,
            info?.TrainContextSize, info?.ChatTemplate, info?.Device, info?.GpuLayers, info?.Threads);
    }
}
