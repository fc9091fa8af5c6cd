namespace DocRag.Core.Storage;

/// <summary>What changed in the index: a document's chunks/vectors, or all vectors (model switch), or every FTS row (analysis changed).</summary>
public enum StoreChangeKind
{
    DocumentWritten = 0,
    DocumentDeleted = 1,
    DocumentMoved = 2,
    VectorsWritten = 3,
    VectorsReset = 4,
    FullTextRebuilt = 5,
}
