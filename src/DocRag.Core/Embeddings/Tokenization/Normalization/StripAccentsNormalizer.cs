using System.Text;

namespace DocRag.Core.Embeddings.Tokenization.Normalization;

/// <summary>Drops non-spacing marks (Mn). Tokenizers put it after NFD, so accents are separate marks by then.</summary>
internal sealed class StripAccentsNormalizer : ITextNormalizer
{
    public string Normalize(string text, ref bool leadingAligned)
    {
        var result = Strip(text);
        leadingAligned &= result.Length == 0 || text.Length == 0 || result[0] == text[0];
        return result;
    }

    public static string Strip(string text)
    {
        var span = text.AsSpan();
        StringBuilder? builder = null;
        for (var i = 0; i < span.Length;)
        {
            var start = i;
            var rune = UnicodeText.RuneAt(span, i, out var length);
            i += length;
            if (UnicodeText.IsNonSpacingMark(rune))
            {
                builder ??= new StringBuilder(text.Length).Append(span[..start]);
                continue;
            }

            builder?.Append(span.Slice(start, length));
        }

        return builder?.ToString() ?? text;
    }
}
