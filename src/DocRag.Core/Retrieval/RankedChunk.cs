using DocRag.Core.Storage;

namespace DocRag.Core.Retrieval;

/// <summary>A chunk at a place in one ranked list, with that list's score (bm25 relevance or cosine similarity).</summary>
internal readonly record struct RankedChunk(ChunkId ChunkId, double Score);
