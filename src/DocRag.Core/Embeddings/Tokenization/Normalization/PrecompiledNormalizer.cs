using System.Globalization;
using System.Text;

namespace DocRag.Core.Embeddings.Tokenization.Normalization;

/// <summary>
/// The <c>Precompiled</c> normalizer (SentencePiece's charsmap) as Hugging Face tokenizers applies it: each grapheme
/// shorter than 6 UTF-8 bytes is looked up whole and, when a key is a prefix of it, replaced whole; otherwise each of
/// its characters is looked up on its own.
/// </summary>
internal sealed class PrecompiledNormalizer(PrecompiledCharsMap map) : ITextNormalizer
{
    private const int WholeGraphemeLimit = 6;

    public string Normalize(string text, ref bool leadingAligned)
    {
        var span = text.AsSpan();
        StringBuilder? builder = null;
        Span<byte> utf8 = stackalloc byte[WholeGraphemeLimit * 3];
        for (var start = 0; start < span.Length;)
        {
            var length = StringInfo.GetNextTextElementLength(span[start..]);
            var grapheme = span.Slice(start, length);
            if (Encoding.UTF8.GetByteCount(grapheme) < WholeGraphemeLimit
                && map.Find(utf8[..Encoding.UTF8.GetBytes(grapheme, utf8)]) is { } whole)
            {
                builder ??= new StringBuilder(text.Length + 8).Append(span[..start]);
                builder.Append(whole);
                leadingAligned &= start > 0 || whole.Length > 0;
            }
            else
            {
                for (var i = 0; i < grapheme.Length;)
                {
                    UnicodeText.RuneAt(grapheme, i, out var runeLength);
                    var character = grapheme.Slice(i, runeLength);
                    if (map.Find(utf8[..Encoding.UTF8.GetBytes(character, utf8)]) is { } replacement)
                    {
                        builder ??= new StringBuilder(text.Length + 8).Append(span[..(start + i)]);
                        builder.Append(replacement);
                        leadingAligned &= start + i > 0 || replacement.Length > 0;
                    }
                    else
                    {
                        builder?.Append(character);
                    }

                    i += runeLength;
                }
            }

            start += length;
        }

        return builder?.ToString() ?? text;
    }
}
