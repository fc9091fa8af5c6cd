namespace DocRag.Core.Storage;

/// <summary>A chunk matched by a <see cref="FullTextQuery"/> and its bm25 score (FTS5: more negative is better).</summary>
public readonly record struct FullTextHit(ChunkId ChunkId, double Bm25);
