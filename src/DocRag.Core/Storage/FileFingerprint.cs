namespace DocRag.Core.Storage;

/// <summary>What identifies a file's content: SHA-256 (hex), and size + modification time for the fast path.</summary>
public sealed record FileFingerprint(string Sha256, long Size, long ModifiedUnixMs);
