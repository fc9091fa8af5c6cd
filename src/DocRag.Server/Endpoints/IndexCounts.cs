namespace DocRag.Server.Endpoints;

/// <summary>Counts over the collections the caller may use.</summary>
/// <param name="Pending">Uploaded files not yet indexed (their sync has not finished).</param>
/// <param name="Vectors">Chunks with a vector of the index's embedding model; null for scoped keys.</param>
/// <param name="ChunksWithoutVectors">Chunks still to be embedded (keyword-only for now); null for scoped keys.</param>
public sealed record IndexCounts(int Documents, int Indexed, int Failed, int Pending, long Chunks, long? Vectors, long? ChunksWithoutVectors);
