namespace DocRag.Core.Ingestion.Parsers;

/// <summary>One block of a document's text: a heading, paragraph, list item, table row, ...</summary>
/// <param name="Page">1-based page the block starts on (1 for formats without pages).</param>
/// <param name="HeadingPath">The headings the block sits under, outermost first (a heading's own path includes itself).</param>
public sealed record DocumentBlock(string Text, int Page, IReadOnlyList<string> HeadingPath, BlockKind Kind);
