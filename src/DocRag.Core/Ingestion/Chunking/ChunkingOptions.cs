namespace DocRag.Core.Ingestion.Chunking;

/// <summary>Chunk size and overlap, in tokens.</summary>
public sealed record ChunkingOptions(int MaxTokens, int OverlapTokens)
{
    public static ChunkingOptions From(IngestionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ChunkingOptions(options.ChunkTokens, options.ChunkTokens * options.ChunkOverlapPercent / 100);
    }
}
