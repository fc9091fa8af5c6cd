using System.ComponentModel.DataAnnotations;

namespace DocRag.Core.Ingestion;

/// <summary>Limits and knobs of parsing, chunking and folder sync (section <c>DocRag:Ingestion</c>).</summary>
public sealed class IngestionOptions
{
    public const string SectionName = "DocRag:Ingestion";

    /// <summary>Files larger than this are recorded as <c>too large</c> without being read.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>The most text one document may yield (characters); more is <c>too large</c>. Bounds memory for huge text files.</summary>
    [Range(1, int.MaxValue)]
    public int MaxTextChars { get; set; } = 64 * 1024 * 1024;

    /// <summary>DOCX zip-bomb limit: the most bytes all parts may decompress to.</summary>
    [Range(1, long.MaxValue)]
    public long MaxDecompressedBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>DOCX zip-bomb limit: the most entries the package may hold.</summary>
    [Range(1, 1_000_000)]
    public int MaxZipEntries { get; set; } = 10_000;

    /// <summary>How long one document may take to parse (seconds) before it is recorded as <c>timeout</c>.</summary>
    [Range(1, 86_400)]
    public int ParseTimeoutSeconds { get; set; } = 120;

    /// <summary>Documents parsed at once; 0 means one per processor.</summary>
    [Range(0, 256)]
    public int MaxParallelism { get; set; }

    /// <summary>Target chunk size in tokens (the embedder's tokenizer when it has one, an approximation otherwise).</summary>
    [Range(16, 8192)]
    public int ChunkTokens { get; set; } = 300;

    /// <summary>Overlap between consecutive chunks of a section, in percent of <see cref="ChunkTokens"/>.</summary>
    [Range(0, 50)]
    public int ChunkOverlapPercent { get; set; } = 15;

    /// <summary>Chunks embedded per call to the embedder, gathered across documents.</summary>
    [Range(1, 4096)]
    public int EmbeddingBatchSize { get; set; } = 64;

    /// <summary>OCR pages without a text layer with tesseract when it is installed.</summary>
    public bool OcrEnabled { get; set; }

    /// <summary>Tesseract languages (<c>-l</c>), for example <c>eng+spa</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string OcrLanguages { get; set; } = "eng+spa";

    /// <summary>Resolution pages are rendered at for OCR.</summary>
    [Range(72, 600)]
    public int OcrDpi { get; set; } = 300;

    /// <summary>
    /// PDFs encrypted with an owner password only (they open without a password; only permissions are set) are indexed
    /// when true, with a note; when false they are recorded as <c>encrypted</c> like those that need a password.
    /// </summary>
    public bool IndexOwnerPasswordPdfs { get; set; } = true;

    /// <summary>The poppler and tesseract executables (names looked up on PATH, or full paths).</summary>
    [Required(AllowEmptyStrings = false)]
    public string PdfToTextPath { get; set; } = "pdftotext";

    [Required(AllowEmptyStrings = false)]
    public string PdfInfoPath { get; set; } = "pdfinfo";

    [Required(AllowEmptyStrings = false)]
    public string PdfToPpmPath { get; set; } = "pdftoppm";

    [Required(AllowEmptyStrings = false)]
    public string TesseractPath { get; set; } = "tesseract";

    /// <summary>Deepest folder level a sync descends to (guards against pathological trees).</summary>
    [Range(1, 4096)]
    public int MaxFolderDepth { get; set; } = 64;

    /// <summary>Quiet time after the last change the watcher waits for before it syncs (partial writes settle).</summary>
    [Range(0, 600_000)]
    public int WatchDebounceMilliseconds { get; set; } = 1500;

    /// <summary>The watcher also rescans every folder this often (seconds), in case file events were lost.</summary>
    [Range(10, 86_400)]
    public int WatchRescanSeconds { get; set; } = 600;

    /// <summary>How often the watcher checks that its folder is still the one it watches (milliseconds): a folder replaced, deleted or moved away is noticed within this time.</summary>
    [Range(50, 600_000)]
    public int WatchRootCheckMilliseconds { get; set; } = 2000;

    /// <summary>How often a folder is synced (seconds) when the system refuses to watch it (Linux's inotify instance limit).</summary>
    [Range(1, 86_400)]
    public int WatchPollSeconds { get; set; } = 30;

    /// <summary>Folders the server indexes and watches, each a collection.</summary>
    public IList<WatchedFolder> Folders { get; } = [];

    /// <summary>The parallelism actually used.</summary>
    public int EffectiveParallelism => MaxParallelism > 0 ? MaxParallelism : Math.Max(1, Environment.ProcessorCount);
}
