using System.Security.Cryptography;
using System.Text;

namespace DocRag.Server.Security;

/// <summary>
/// Constant-time API key comparison. Keys are compared as SHA-256 digests with
/// <see cref="CryptographicOperations.FixedTimeEquals"/>: the time taken depends neither on where the first differing
/// character is nor on the presented key's length, and the server keeps only digests in memory.
/// </summary>
public static class ApiKeyDigest
{
    public const int Length = SHA256.HashSizeInBytes;

    public static byte[] Compute(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }

    /// <summary>True when <paramref name="presented"/> hashes to <paramref name="expectedDigest"/>.</summary>
    public static bool Matches(string presented, ReadOnlySpan<byte> expectedDigest)
    {
        ArgumentNullException.ThrowIfNull(presented);
        Span<byte> digest = stackalloc byte[Length];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), digest);
        return CryptographicOperations.FixedTimeEquals(digest, expectedDigest);
    }

    /// <summary>Compares two digests in constant time.</summary>
    public static bool Equals(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right) =>
        CryptographicOperations.FixedTimeEquals(left, right);
}
