using DocRag.Core.Storage;

namespace DocRag.Core.Retrieval;

/// <summary>A chunk found by <see cref="VectorIndex.Search"/> and its cosine similarity to the query.</summary>
public readonly record struct VectorMatch(ChunkId ChunkId, DocumentId DocumentId, float Similarity);
