using System.Security.Cryptography;

namespace DocRag.Core.Ingestion.Sync;

/// <summary>SHA-256 of a file's content, streamed.</summary>
public static class ContentHasher
{
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
