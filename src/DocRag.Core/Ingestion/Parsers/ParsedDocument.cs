using DocRag.Core.Text;

namespace DocRag.Core.Ingestion.Parsers;

/// <summary>
/// A parsed document: its blocks in reading order. The document's extracted text is its blocks' text joined by
/// <see cref="BlockSeparator"/>; chunk offsets point into that text.
/// </summary>
/// <param name="Title">The document's own title (metadata, first heading), or null.</param>
/// <param name="Pages">Pages (PDF) or 1 for formats without pages.</param>
/// <param name="Note">A non-fatal remark for the user (pages without text, opened without password, ...).</param>
public sealed record ParsedDocument(string? Title, int Pages, TextLanguage Language, IReadOnlyList<DocumentBlock> Blocks, string? Note = null)
{
    public const string BlockSeparator = "\n\n";
}
