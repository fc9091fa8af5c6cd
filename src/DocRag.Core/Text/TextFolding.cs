using System.Globalization;
using System.Text;

namespace DocRag.Core.Text;

/// <summary>
/// Diacritic folding for search terms: "café" → "cafe", "straße" → "strasse". The index's FTS5 tokenizer
/// (<c>unicode61 remove_diacritics 2</c>) folds again, which is harmless: folded text folds to itself.
/// </summary>
public static class TextFolding
{
    /// <summary><paramref name="word"/> without diacritics (and with ß, æ, œ, ø, ł, đ, ı spelled out in plain letters).</summary>
    public static string Fold(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return IsAscii(word) ? word : FoldCore(word, keepSpanish: false);
    }

    /// <summary>
    /// Like <see cref="Fold"/> but keeps the letters the Spanish stemmer reads (á é í ó ú ü ñ), so "acción" reaches it
    /// intact while "à" or "ç" in a borrowed word are still folded.
    /// </summary>
    public static string FoldForSpanish(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return IsAscii(word) ? word : FoldCore(word, keepSpanish: true);
    }

    private static bool IsAscii(string word)
    {
        foreach (var c in word)
        {
            if (c > 0x7F)
            {
                return false;
            }
        }

        return true;
    }

    private static string FoldCore(string word, bool keepSpanish)
    {
        var sb = new StringBuilder(word.Length + 2);
        foreach (var c in word)
        {
            if (c <= 0x7F || (keepSpanish && c is 'á' or 'é' or 'í' or 'ó' or 'ú' or 'ü' or 'ñ'))
            {
                sb.Append(c);
            }
            else if (c < FoldedEnd)
            {
                sb.Append(Folds[c - 0x80]);
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private const char FoldedEnd = '\u2000';

    // Every character from U+0080 to U+1FFF folded once (Latin, Greek, Cyrillic and the other alphabets there).
    private static readonly string[] Folds = [.. Enumerable.Range(0x80, FoldedEnd - 0x80).Select(c => FoldChar((char)c))];

    private static string FoldChar(char c) => c switch
    {
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ø' => "o",
        'ł' => "l",
        'đ' => "d",
        'ı' => "i",
        _ => BaseLetters(c),
    };

    /// <summary>
    /// The character decomposed, without its combining marks. Only below U+2000 (Latin, Greek, Cyrillic, ...): further
    /// up, marks carry meaning (Japanese voicing marks: で is not て), and the character is kept as it is.
    /// </summary>
    private static string BaseLetters(char c)
    {
        if (c is >= '\u0300' and <= '\u036F')
        {
            return string.Empty; // a stray combining accent
        }

        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        if (decomposed.Length == 1)
        {
            return decomposed;
        }

        var sb = new StringBuilder(decomposed.Length);
        foreach (var d in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(d);
            }
        }

        return sb.ToString();
    }
}
