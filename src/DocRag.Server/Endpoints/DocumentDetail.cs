namespace DocRag.Server.Endpoints;

/// <summary><c>GET /v1/documents/{id}</c>: the document, and its chunks when asked for (<c>?chunks=true</c>; null otherwise).</summary>
public sealed record DocumentDetail(DocumentItem Document, IReadOnlyList<DocumentChunkItem>? Chunks);
