namespace DocRag.Core.Ingestion.Sync;

/// <summary>A file found by a scan, with the size and modification time of the fast path.</summary>
/// <param name="Refused">Why the file is listed but never read (a link that leads outside the collection's folder); null for a file to index.</param>
public sealed record ScannedFile(string Path, long Size, long ModifiedUnixMs, string? Refused = null)
{
    /// <summary>Why a link that leads outside the folder is listed failed instead of followed.</summary>
    public const string OutsideReason =
        "a symbolic link that leads outside the collection's folder (or into another collection's); DocRag does not follow it, so nothing it points to is read, indexed or deleted";

    /// <summary>A link that leads outside the collection's folder: listed (never read) so the index says why.</summary>
    public static ScannedFile Outside(string path) => new(path, 0, 0, OutsideReason);
}
