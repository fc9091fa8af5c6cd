using DocRag.Core.Ingestion.Chunking;
using DocRag.Core.Ingestion.Parsers;
using DocRag.Core.Text;

namespace DocRag.Core.Storage;

/// <summary>
/// Everything written for one document in one transaction: its row, its chunks, and optionally their vectors
/// (one per chunk, from <see cref="VectorModel"/>; dropped unless that is the index's current model).
/// </summary>
public sealed record DocumentWrite(
    string Path,
    string Collection,
    FileFingerprint Fingerprint,
    string Type,
    string? Title,
    int Pages,
    TextLanguage Language,
    string? Note,
    ParseFailure? Failure,
    IReadOnlyList<DocumentChunk> Chunks,
    IReadOnlyList<ReadOnlyMemory<float>>? Vectors = null,
    EmbeddingModelInfo? VectorModel = null,
    string? Chunker = null);
