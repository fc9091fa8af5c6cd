namespace DocRag.Core.Models;

/// <summary>The result of pulling one file.</summary>
/// <param name="File">The catalog file.</param>
/// <param name="Path">Full path of the file in the models folder.</param>
/// <param name="Outcome">Downloaded or already present.</param>
/// <param name="Bytes">Size of the file on disk.</param>
/// <param name="Sha256">The SHA-256 that was checked, or null for a file that is not pinned.</param>
/// <param name="ResumedFrom">Bytes that were already on disk in a partial file when this pull started.</param>
public sealed record FilePullResult(
    CatalogFile File,
    string Path,
    FilePullOutcome Outcome,
    long Bytes,
    string? Sha256,
    long ResumedFrom);
