using DocRag.Core.Embeddings;

namespace DocRag.Server.Endpoints;

/// <summary>The embedding model: <c>notLoaded</c>, <c>loading</c>, <c>ready</c>, <c>unavailable</c> (none found or turned off) or <c>failed</c>.</summary>
/// <param name="Folder">The model folder's name (under the models folder, or as configured).</param>
/// <param name="Device">The execution provider running it: <c>cpu</c> or <c>cuda</c>.</param>
public sealed record EmbeddingModelView(string State, string? Reason, string? ModelId, string? Folder, int? Dimensions, string? Device)
{
    public static EmbeddingModelView From(EmbeddingModelStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new(ModelStates.Code(status.State), status.Reason, status.ModelId,
            status.Directory is { } directory ? Path.GetFileName(Path.TrimEndingDirectorySeparator(directory)) : null, status.Dimensions, status.Device);
    }
}
