using System.Globalization;
using System.Text;

namespace DocRag.Core.Embeddings.Tokenization;

/// <summary>
/// The character classes the Hugging Face tokenizers use (Rust <c>char</c> semantics), over UTF-16 text.
/// Code points, not UTF-16 units: a surrogate pair is one character as it is in Rust.
/// </summary>
internal static class UnicodeText
{
    private const string LowercaseDottedCapitalI = "i\u0307";

    /// <summary>Rust <c>char::is_whitespace</c> (the Unicode White_Space property); .NET's test covers the same set.</summary>
    public static bool IsWhitespace(Rune rune) => Rune.IsWhiteSpace(rune);

    /// <summary>
    /// The "other" characters BERT's clean-text step removes: Cc, Cf, Co and Cs. Unassigned code points (Cn) stay, as in
    /// the reference, whose category tables have no Cn entries (they become [UNK]).
    /// </summary>
    public static bool IsOther(Rune rune) => Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate;

    /// <summary>BERT punctuation: ASCII punctuation (which includes symbols such as $ + &lt; = &gt; ^ ` |) or any Unicode P* category.</summary>
    public static bool IsBertPunctuation(Rune rune)
    {
        if (rune.Value < 0x80)
        {
            return rune.Value is > 0x20 and < 0x7F && !char.IsAsciiLetterOrDigit((char)rune.Value);
        }

        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;
    }

    /// <summary>The CJK ideograph blocks BERT puts spaces around (the ranges of Hugging Face's BertNormalizer).</summary>
    public static bool IsChineseChar(int codePoint) => codePoint is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF)
        or (>= 0x20000 and <= 0x2A6DF) or (>= 0x2A700 and <= 0x2B73F) or (>= 0x2B740 and <= 0x2B81F)
        or (>= 0x2B920 and <= 0x2CEAF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x2F800 and <= 0x2FA1F);

    public static bool IsNonSpacingMark(Rune rune) => Rune.GetUnicodeCategory(rune) == UnicodeCategory.NonSpacingMark;

    /// <summary>Rust's <c>char::is_alphanumeric</c> or '_' (the "word character" of single-word added tokens).</summary>
    public static bool IsWordCharacter(Rune rune) => rune.Value == '_' || Rune.IsLetterOrDigit(rune)
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;

    /// <summary>
    /// Appends the lower case of <paramref name="rune"/> as Rust's <c>char::to_lowercase</c> does: the full mapping,
    /// one character at a time (no final-sigma context). Only U+0130 lowers to two characters.
    /// </summary>
    public static void AppendLower(StringBuilder builder, Rune rune)
    {
        if (rune.Value == 0x130)
        {
            builder.Append(LowercaseDottedCapitalI);
            return;
        }

        AppendRune(builder, Rune.ToLowerInvariant(rune));
    }

    public static void AppendRune(StringBuilder builder, Rune rune)
    {
        if (rune.IsBmp)
        {
            builder.Append((char)rune.Value);
        }
        else
        {
            Span<char> pair = stackalloc char[2];
            rune.EncodeToUtf16(pair);
            builder.Append(pair);
        }
    }

    /// <summary>The rune at <paramref name="index"/> of well-formed text (see <see cref="ReplaceLoneSurrogates"/>).</summary>
    public static Rune RuneAt(ReadOnlySpan<char> text, int index, out int length)
    {
        Rune.DecodeFromUtf16(text[index..], out var rune, out length);
        return rune;
    }

    /// <summary>
    /// The text in Unicode normalisation form <paramref name="form"/>. .NET refuses to normalise a string holding the
    /// noncharacter U+FFFE (the reference normalises it to itself), so the pieces around it are normalised on their own.
    /// Expects well-formed text (see <see cref="ReplaceLoneSurrogates"/>).
    /// </summary>
    public static string NormalizeForm(string text, NormalizationForm form)
    {
        if (!text.Contains('\uFFFE', StringComparison.Ordinal))
        {
            return text.IsNormalized(form) ? text : text.Normalize(form);
        }

        return string.Join('\uFFFE', text.Split('\uFFFE').Select(piece => piece.IsNormalized(form) ? piece : piece.Normalize(form)));
    }

    /// <summary>
    /// Replaces unpaired surrogates with U+FFFD, as a lossy UTF-8 conversion does: Rust strings cannot hold them, so the
    /// reference tokenizers never see one.
    /// </summary>
    public static string ReplaceLoneSurrogates(string text)
    {
        var firstBad = FindLoneSurrogate(text);
        if (firstBad < 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = firstBad; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }

    private static int FindLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i]))
            {
                continue;
            }

            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            return i;
        }

        return -1;
    }

    /// <summary>The number of characters (code points) in <paramref name="text"/>.</summary>
    public static int CountChars(ReadOnlySpan<char> text)
    {
        var count = text.Length;
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]))
            {
                count--;
                i++;
            }
        }

        return count;
    }
}
