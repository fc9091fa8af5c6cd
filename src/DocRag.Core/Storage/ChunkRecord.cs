namespace DocRag.Core.Storage;

/// <summary>A chunk with the document facts a search hit or citation shows.</summary>
public sealed record ChunkRecord(
    ChunkId Id,
    DocumentId DocumentId,
    int Ordinal,
    string Text,
    IReadOnlyList<string> HeadingPath,
    int PageStart,
    int PageEnd,
    int CharStart,
    int CharEnd,
    int TokenCount,
    string Path,
    string Collection,
    string? Title,
    string Type,
    Text.TextLanguage Language);
