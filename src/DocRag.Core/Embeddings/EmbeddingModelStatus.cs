namespace DocRag.Core.Embeddings;

/// <summary>The shared embedding model's state, for health reports and the CLI.</summary>
public sealed record EmbeddingModelStatus(
    EmbeddingModelState State,
    string? Reason = null,
    string? ModelId = null,
    int? Dimensions = null,
    string? Device = null,
    string? Directory = null);
