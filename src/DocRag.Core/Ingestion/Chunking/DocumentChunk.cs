namespace DocRag.Core.Ingestion.Chunking;

/// <summary>
/// One chunk: <see cref="Text"/> is exactly the document's extracted text (blocks joined by
/// <see cref="Parsers.ParsedDocument.BlockSeparator"/>) from <see cref="CharStart"/> to <see cref="CharEnd"/>.
/// </summary>
public sealed record DocumentChunk(
    int Ordinal,
    string Text,
    IReadOnlyList<string> HeadingPath,
    int PageStart,
    int PageEnd,
    int CharStart,
    int CharEnd,
    int TokenCount);
