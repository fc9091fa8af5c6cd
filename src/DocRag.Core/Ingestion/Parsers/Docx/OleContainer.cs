using System.Text;

namespace DocRag.Core.Ingestion.Parsers.Docx;

/// <summary>Looks inside an OLE compound file for the stream Office writes when it encrypts an OOXML document.</summary>
internal static class OleContainer
{
    private static readonly byte[] EncryptedPackageName = Encoding.Unicode.GetBytes("EncryptedPackage");

    public static async Task<bool> HasEncryptedPackageAsync(Stream stream, CancellationToken cancellationToken)
    {
        stream.Position = 0;
        var buffer = new byte[64 * 1024];
        var carry = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer.AsMemory(carry), cancellationToken).ConfigureAwait(false)) > 0)
        {
            var length = carry + read;
            if (buffer.AsSpan(0, length).IndexOf(EncryptedPackageName) >= 0)
            {
                return true;
            }

            // Keep the tail so a name split across two reads is still found.
            carry = Math.Min(EncryptedPackageName.Length - 1, length);
            buffer.AsSpan(length - carry, carry).CopyTo(buffer);
        }

        return false;
    }
}
