namespace DocRag.Core.Ingestion.Sync;

/// <summary>A file found by a scan, with the size and modification time of the fast path.</summary>
public sealed record ScannedFile(string Path, long Size, long ModifiedUnixMs);
