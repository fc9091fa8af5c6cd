using DocRag.Core.Storage;

namespace DocRag.Core.Retrieval;

/// <summary>What the vector index knows of a document: enough to apply a <see cref="SearchFilter"/> without SQL.</summary>
internal sealed record IndexedDocument(DocumentId Id, string Collection, string Path, string Type);
