using System.Security.Cryptography;

namespace DocRag.Core.Ingestion.Sync;

/// <summary>SHA-256 of a file's content, streamed.</summary>
public static class ContentHasher
{
    /// <summary>SHA-256 of no bytes: empty files (and FIFOs or devices, which report size 0) are never opened.</summary>
    public const string EmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public static async Task<string> ComputeAsync(string path, CancellationToken cancellationToken = default)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 128 * 1024, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
            return Convert.ToHexStringLower(hash);
        }
    }
}
