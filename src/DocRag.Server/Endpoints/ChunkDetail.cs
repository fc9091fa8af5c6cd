using DocRag.Core.Storage;

namespace DocRag.Server.Endpoints;

/// <summary><c>GET /v1/chunks/{id}</c>: a passage of a document, where it sits, and the document it belongs to.</summary>
/// <param name="Ordinal">Its position in the document (0-based).</param>
/// <param name="Heading">The heading path above it, outermost first.</param>
/// <param name="Text">Its original text.</param>
public sealed record ChunkDetail(
    long Id, long DocumentId, int Ordinal, int PageStart, int PageEnd, IReadOnlyList<string> Heading, string Text, int TokenCount, DocumentItem Document)
{
    public static ChunkDetail From(ChunkRecord chunk, DocumentItem document)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        return new(chunk.Id.Value, chunk.DocumentId.Value, chunk.Ordinal, chunk.PageStart, chunk.PageEnd, chunk.HeadingPath, chunk.Text,
            chunk.TokenCount, document);
    }
}
