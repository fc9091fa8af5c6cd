namespace DocRag.Core.Ingestion.Sync;

/// <summary>A sync's progress: files done of total, chunks written and their rate, the file being read.</summary>
public sealed record IndexingProgress(
    string Collection,
    string Phase,
    int FilesDone,
    int FilesTotal,
    long Chunks,
    double ChunksPerSecond,
    string? CurrentFile);
