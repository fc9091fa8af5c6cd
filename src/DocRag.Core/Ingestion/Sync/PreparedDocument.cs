using DocRag.Core.Ingestion.Chunking;
using DocRag.Core.Ingestion.Parsers;
using DocRag.Core.Storage;

namespace DocRag.Core.Ingestion.Sync;

/// <summary>A parsed and chunked file on its way to the store; <see cref="Vectors"/> filled by the embedding stage.</summary>
internal sealed class PreparedDocument(WorkItem item, FileFingerprint fingerprint, ParseResult? result, IReadOnlyList<DocumentChunk> chunks)
{
    public WorkItem Item { get; } = item;

    public FileFingerprint Fingerprint { get; } = fingerprint;

    /// <summary>Null when the file vanished before it could be read (its row, if any, is deleted).</summary>
    public ParseResult? Result { get; } = result;

    public IReadOnlyList<DocumentChunk> Chunks { get; } = chunks;

    public IReadOnlyList<ReadOnlyMemory<float>>? Vectors { get; set; }

    public bool Gone => Result is null;
}
