namespace DocRag.Core.Storage;

/// <summary>One chunk's embedding under the index's current model.</summary>
public readonly record struct StoredVector(ChunkId ChunkId, DocumentId DocumentId, ReadOnlyMemory<float> Vector);
