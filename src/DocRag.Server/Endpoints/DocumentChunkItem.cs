using DocRag.Core.Storage;

namespace DocRag.Server.Endpoints;

/// <summary>One chunk of a document: its place, pages, heading path and text.</summary>
/// <param name="Heading">The heading path, outermost first.</param>
public sealed record DocumentChunkItem(long Id, int Ordinal, int PageStart, int PageEnd, IReadOnlyList<string> Heading, string Text, int TokenCount)
{
    public static DocumentChunkItem From(ChunkRecord chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        return new(chunk.Id.Value, chunk.Ordinal, chunk.PageStart, chunk.PageEnd, chunk.HeadingPath, chunk.Text, chunk.TokenCount);
    }
}
