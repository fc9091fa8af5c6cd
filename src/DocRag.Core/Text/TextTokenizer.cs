using System.Buffers;
using System.Globalization;
using System.Text;

namespace DocRag.Core.Text;

/// <summary>
/// Splits text into <see cref="TextUnit"/>s for indexing and querying: NFKC (so PDF ligatures and full-width
/// letters become plain letters), runs of letters and digits, lower-cased. A single joiner between two of them
/// keeps a unit together: hyphen, slash and apostrophe join words; underscore, dot, at, plus and ampersand (and comma or
/// colon between digits) make a literal. English clitics ('s, 't, 'll, 're, 've, 'd, 'm) are dropped.
/// Chinese, Japanese and Korean runs become character bigrams.
/// </summary>
internal static partial class TextTokenizer
{
    private static readonly string[] Clitics = ["s", "t", "ll", "re", "ve", "d", "m"];

    public static List<TextUnit> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = Prepare(text);
        var units = new List<TextUnit>();
        var unit = new UnitBuilder(units);
        var sentenceStart = true;
        var i = 0;
        while (i < s.Length)
        {
            var rune = RuneAt(s, i, out var width);
            if (IsCjk(rune))
            {
                unit.Flush();
                i = ReadCjkRun(s, i, units);
                sentenceStart = false;
            }
            else if (IsTokenRune(rune, unit.InPart))
            {
                unit.Append(rune, sentenceStart);
                sentenceStart = false;
                i += width;
            }
            else if (unit.InPart && i + width < s.Length && JoinerKind(rune, unit.Last, RuneAt(s, i + width, out _)) is { } literal)
            {
                if (IsApostrophe(rune) && CliticEnd(s, i + width) is { } end)
                {
                    unit.Flush();
                    i = end;
                }
                else
                {
                    unit.EndPart(literal);
                    i += width;
                }
            }
            else
            {
                unit.Flush();
                sentenceStart |= rune.Value is '.' or '!' or '?' or '¿' or '¡' or '\n';
                i += width;
            }
        }

        unit.Flush();
        return units;
    }

    /// <summary>Whether <paramref name="rune"/> joins two parts: true for a literal joiner, false for a word joiner, null if it separates.</summary>
    private static bool? JoinerKind(Rune rune, Rune previous, Rune next)
    {
        if (!IsTokenRune(next, inPart: false) || IsCjk(next))
        {
            return null;
        }

        return rune.Value switch
        {
            '-' or '\u2010' or '\u2011' or '/' => false,
            '\'' or '\u2019' or '\u02BC' => false,
            '_' or '.' or '@' or '+' or '&' => true,
            ',' or ':' when Rune.IsDigit(previous) && Rune.IsDigit(next) => true,
            _ => null,
        };
    }

    private static bool IsApostrophe(Rune rune) => rune.Value is '\'' or '\u2019' or '\u02BC';

    /// <summary>The end of an English clitic starting at <paramref name="start"/> that ends the token, or null.</summary>
    private static int? CliticEnd(string s, int start)
    {
        var end = start;
        while (end < s.Length && char.IsAsciiLetter(s[end]))
        {
            end++;
        }

        if (end < s.Length && IsTokenRune(RuneAt(s, end, out _), inPart: true))
        {
            return null;
        }

        return Array.IndexOf(Clitics, s[start..end].ToLowerInvariant()) >= 0 ? end : null;
    }

    private static bool IsTokenRune(Rune rune, bool inPart)
    {
        if (Rune.IsLetterOrDigit(rune) || Rune.IsNumber(rune))
        {
            return true;
        }

        // Combining marks belong to the letter before them (Devanagari vowel signs, stray accents).
        return inPart && Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }

    private static Rune RuneAt(string s, int index, out int width)
    {
        if (Rune.DecodeFromUtf16(s.AsSpan(index), out var rune, out width) != OperationStatus.Done)
        {
            width = Math.Max(1, width);
            return Rune.ReplacementChar;
        }

        return rune;
    }

    private static string Prepare(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Ill-formed UTF-16 (a lone surrogate) or the noncharacter U+FFFE, which .NET refuses to normalise: replace
            // them and go on (a query may hold anything a client sends).
            var sb = new StringBuilder(text.Length);
            foreach (var rune in text.EnumerateRunes())
            {
                sb.Append(rune.Value == 0xFFFE ? Rune.ReplacementChar.ToString() : rune.ToString());
            }

            return sb.ToString().Normalize(NormalizationForm.FormKC);
        }
    }
}
