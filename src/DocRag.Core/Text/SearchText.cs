using System.Globalization;
using System.Text;

namespace DocRag.Core.Text;

/// <summary>
/// Turns text into the terms the full-text index stores and queries match: lower case, diacritics folded.
/// Index and query go through the same code so they always agree.
/// </summary>
public static class SearchText
{
    /// <summary>The analysed form of <paramref name="text"/> for the FTS index: its terms joined by single spaces.</summary>
    public static string ForIndex(string text, TextLanguage language)
    {
        _ = language; // stemming and stop words per language come with the retrieval work
        return string.Join(' ', Words(text));
    }

    /// <summary>The lower-case, diacritic-free words of <paramref name="text"/> (letters and digits).</summary>
    public static IEnumerable<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder();
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(ch))
            {
                sb.Append(char.ToLowerInvariant(ch));
            }
            else if (sb.Length > 0)
            {
                yield return sb.ToString();
                sb.Clear();
            }
        }

        if (sb.Length > 0)
        {
            yield return sb.ToString();
        }
    }
}
