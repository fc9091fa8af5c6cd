using System.Text;

namespace DocRag.Core.Generation;

/// <summary>
/// Turns token pieces (raw UTF-8 bytes) into text. A multi-byte character may arrive split over several byte tokens,
/// so incomplete sequences are buffered until the rest arrives; invalid bytes become U+FFFD.
/// </summary>
internal sealed class Utf8PieceDecoder
{
    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetDecoder();
    private char[] _chars = new char[64];

    public string Decode(ReadOnlySpan<byte> piece) => Convert(piece, flush: false);

    /// <summary>Whatever is still buffered at the end (an unfinished character becomes U+FFFD).</summary>
    public string Flush() => Convert([], flush: true);

    private string Convert(ReadOnlySpan<byte> bytes, bool flush)
    {
        var needed = _decoder.GetCharCount(bytes, flush);
        if (needed > _chars.Length)
        {
            _chars = new char[needed];
        }

        var n = _decoder.GetChars(bytes, _chars, flush);
        return n == 0 ? string.Empty : new string(_chars, 0, n);
    }
}
