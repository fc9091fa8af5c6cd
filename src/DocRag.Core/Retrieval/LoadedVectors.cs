using DocRag.Core.Storage;

namespace DocRag.Core.Retrieval;

/// <summary>Everything a full load of the vector index read in one snapshot of the store.</summary>
/// <param name="RowDocuments">For each row, its document's index in <paramref name="Documents"/>.</param>
internal sealed record LoadedVectors(
    EmbeddingModelInfo? Model,
    long Version,
    float[] Matrix,
    long[] ChunkIds,
    int[] RowDocuments,
    IReadOnlyList<IndexedDocument> Documents,
    int Count);
