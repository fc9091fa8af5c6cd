namespace DocRag.Core.Storage;

/// <summary>Counts over the whole index, and the change version they were read at.</summary>
public sealed record IndexStatistics(int Documents, int Indexed, int Failed, long Chunks, long Vectors, long ChunksWithoutVectors, EmbeddingModelInfo? EmbeddingModel, long Version);
