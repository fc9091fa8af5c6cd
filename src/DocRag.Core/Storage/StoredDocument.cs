using DocRag.Core.Text;

namespace DocRag.Core.Storage;

/// <summary>A row of <c>documents</c>: one file of a collection and how indexing it ended.</summary>
/// <param name="Error">The failure code (<c>encrypted</c>, <c>no text layer</c>, ...) when <see cref="Status"/> is failed.</param>
/// <param name="Reason">The failure message a user can act on.</param>
/// <param name="Note">A non-fatal remark (pages without text, opened without a password).</param>
/// <param name="Chunker">The chunking that cut it (token counter, size, overlap); a different one re-chunks it.</param>
public sealed record StoredDocument(
    DocumentId Id,
    string Path,
    string Collection,
    string Type,
    DocumentStatus Status,
    string? Error,
    string? Reason,
    string? Note,
    string? Title,
    int Pages,
    TextLanguage Language,
    int ChunkCount,
    FileFingerprint Fingerprint,
    DateTimeOffset IndexedAt,
    string? Chunker = null);
