using System.Text;

namespace DocRag.Core.Embeddings.Tokenization.Normalization;

/// <summary>
/// BERT's normalizer: clean text (drop NUL, U+FFFD and "other" characters, turn whitespace into spaces), spaces around
/// CJK ideographs, accent stripping (NFD, then drop non-spacing marks) and lower case, in that order.
/// <c>strip_accents: null</c> follows <c>lowercase</c>, as in Hugging Face tokenizers.
/// </summary>
internal sealed record BertNormalizer(bool CleanText, bool HandleChineseChars, bool? StripAccents, bool Lowercase) : ITextNormalizer
{
    public string Normalize(string text, ref bool leadingAligned)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        var span = text.AsSpan();
        for (var i = 0; i < span.Length;)
        {
            var rune = UnicodeText.RuneAt(span, i, out var length);
            i += length;
            if (CleanText)
            {
                // Removal wins over whitespace: VT, FF and U+0085 are Cc and disappear, as in the reference.
                if (rune.Value is 0 or 0xFFFD || (rune.Value is not ('\t' or '\n' or '\r') && UnicodeText.IsOther(rune)))
                {
                    leadingAligned &= builder.Length > 0;
                    continue;
                }

                if (UnicodeText.IsWhitespace(rune))
                {
                    builder.Append(' ');
                    continue;
                }
            }

            if (HandleChineseChars && UnicodeText.IsChineseChar(rune.Value))
            {
                builder.Append(' ');
                UnicodeText.AppendRune(builder, rune);
                builder.Append(' ');
                continue;
            }

            UnicodeText.AppendRune(builder, rune);
        }

        var result = builder.ToString();
        if (StripAccents ?? Lowercase)
        {
            var decomposed = UnicodeText.NormalizeForm(result, NormalizationForm.FormD);
            result = StripAccentsNormalizer.Strip(decomposed);
            leadingAligned &= result.Length == 0 || decomposed.Length == 0 || result[0] == decomposed[0];
        }

        return Lowercase ? LowercaseNormalizer.Lower(result) : result;
    }
}
