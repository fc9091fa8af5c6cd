namespace DocRag.Core.Models;

/// <summary>One file recorded in a <see cref="ModelManifest"/>.</summary>
/// <param name="Path">Path inside the model folder (forward slashes).</param>
/// <param name="Size">Pinned size, or null when not pinned.</param>
/// <param name="Sha256">Pinned SHA-256, or null when not pinned.</param>
public sealed record ModelManifestFile(string Path, long? Size, string? Sha256);
