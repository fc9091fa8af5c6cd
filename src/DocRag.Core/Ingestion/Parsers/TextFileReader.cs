using System.Text;

namespace DocRag.Core.Ingestion.Parsers;

/// <summary>
/// Reads a text file of unknown encoding, streamed and bounded: a BOM decides (UTF-8, UTF-16 LE/BE), else strict UTF-8,
/// else UTF-16 guessed from NUL bytes, else Windows-1252 (a superset of Latin-1's printable range); an incomplete UTF-8
/// character at the very end is one U+FFFD. Never throws on odd bytes.
/// </summary>
public static class TextFileReader
{
    private const int BufferSize = 64 * 1024;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's text; throws <see cref="DocumentTooLargeException"/> past <paramref name="maxChars"/>.</summary>
    public static async Task<string> ReadAllTextAsync(string path, int maxChars, CancellationToken cancellationToken = default)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, BufferSize, useAsync: true);
        var head = new byte[4096];
        var headLength = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        var (encoding, skip) = Detect(head.AsSpan(0, headLength));
        if (encoding is not null)
        {
            return await DecodeAsync(stream, encoding, skip, maxChars, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await DecodeAsync(stream, StrictUtf8, 0, maxChars, cancellationToken).ConfigureAwait(false);
        }
        catch (DecoderFallbackException)
        {
            return await DecodeAsync(stream, Fallback, 0, maxChars, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The single-byte fallback: Windows-1252 where the code pages are available, else Latin-1.</summary>
    internal static Encoding Fallback { get; } = CreateFallback();

    internal static (Encoding? Encoding, int Skip) Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (new UTF8Encoding(false, false), 3);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: false), 2);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: false), 2);
        }

        // UTF-16 without a BOM: ASCII text then has a NUL in every other byte.
        int evenNul = 0, oddNul = 0;
        for (var i = 0; i + 1 < head.Length; i += 2)
        {
            evenNul += head[i] == 0 ? 1 : 0;
            oddNul += head[i + 1] == 0 ? 1 : 0;
        }

        var pairs = head.Length / 2;
        if (pairs >= 8 && oddNul > pairs * 0.4 && evenNul < pairs * 0.05)
        {
            return (new UnicodeEncoding(false, false, false), 0);
        }

        return pairs >= 8 && evenNul > pairs * 0.4 && oddNul < pairs * 0.05 ? (new UnicodeEncoding(true, false, false), 0) : (null, 0);
    }

    private static async Task<string> DecodeAsync(FileStream stream, Encoding encoding, int skip, int maxChars, CancellationToken cancellationToken)
    {
        stream.Seek(skip, SeekOrigin.Begin);
        var decoder = encoding.GetDecoder();
        var bytes = new byte[BufferSize];
        var chars = new char[encoding.GetMaxCharCount(BufferSize)];
        var sb = new StringBuilder();
        int read;
        while ((read = await stream.ReadAsync(bytes, cancellationToken).ConfigureAwait(false)) > 0)
        {
            var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            if (sb.Length + count > maxChars)
            {
                throw new DocumentTooLargeException($"the text is longer than the limit of {maxChars:N0} characters (DocRag:Ingestion:MaxTextChars)");
            }

            sb.Append(chars, 0, count);
        }

        try
        {
            var tail = decoder.GetChars(bytes, 0, 0, chars, 0, flush: true);
            sb.Append(chars, 0, tail);
        }
        catch (DecoderFallbackException)
        {
            // Only an incomplete character at the very end is left (a file cut mid-write): one U+FFFD, as a lenient
            // decoder gives, rather than re-reading all the valid UTF-8 before it as Windows-1252.
            sb.Append('\uFFFD');
        }

        return sb.ToString();
    }

    private static Encoding CreateFallback()
    {
        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1;
        }
        catch (NotSupportedException)
        {
            return Encoding.Latin1;
        }
    }
}
