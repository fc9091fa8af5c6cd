namespace DocRag.Core.Embeddings;

/// <summary>Where the embedding model is, or (when <see cref="Directory"/> is null) why there is none.</summary>
public sealed record EmbeddingModelLocation(string? Directory, string Reason)
{
    public bool Found => Directory is not null;
}
