namespace DocRag.Core.Models;

/// <summary>
/// One file of a catalog model: where it lives in the Hugging Face repository, where it goes in the model folder, and
/// its size and SHA-256 when they are known. A file with no <see cref="Sha256"/> is "not pinned": it is downloaded and
/// reported as such, never silently trusted.
/// </summary>
/// <param name="RepoPath">Path inside the repository, e.g. <c>onnx/model.onnx</c>.</param>
/// <param name="LocalPath">Path inside the model folder (forward slashes), usually the same as <paramref name="RepoPath"/>.</param>
/// <param name="Size">Exact size in bytes, or null when not pinned.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the exact bytes at the pinned revision, or null when not pinned.</param>
/// <param name="Repository">Overrides the model's repository for this one file (null: the model's).</param>
/// <param name="Revision">Overrides the model's revision for this one file (null: the model's).</param>
public sealed record CatalogFile(
    string RepoPath,
    string LocalPath,
    long? Size,
    string? Sha256,
    string? Repository = null,
    string? Revision = null)
{
    /// <summary>True when the file's bytes can be checked against a known hash.</summary>
    public bool IsPinned => Sha256 is not null;
}
