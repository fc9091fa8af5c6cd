using System.Text;

namespace DocRag.Core.Embeddings.Tokenization.Normalization;

/// <summary>Lower case one character at a time with the full Unicode mapping, as Rust's <c>char::to_lowercase</c>.</summary>
internal sealed class LowercaseNormalizer : ITextNormalizer
{
    public string Normalize(string text, ref bool leadingAligned) => Lower(text);

    public static string Lower(string text)
    {
        var span = text.AsSpan();
        var i = 0;

        // Most text is already lower case: copy nothing until the first character that changes.
        while (i < span.Length)
        {
            var rune = UnicodeText.RuneAt(span, i, out var length);
            if (rune.Value == 0x130 || Rune.ToLowerInvariant(rune) != rune)
            {
                break;
            }

            i += length;
        }

        if (i == span.Length)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 4).Append(span[..i]);
        while (i < span.Length)
        {
            var rune = UnicodeText.RuneAt(span, i, out var length);
            i += length;
            UnicodeText.AppendLower(builder, rune);
        }

        return builder.ToString();
    }
}
