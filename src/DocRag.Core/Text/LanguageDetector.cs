using System.Text;

namespace DocRag.Core.Text;

/// <summary>
/// Guesses whether a text is English, Spanish or something else. Each of six European languages scores its function
/// words (a word several languages share, like "de" or "la", counts for each of them in part) and its telltale letters
/// (ñ ¿ ¡ for Spanish, ã õ for Portuguese, ä ö ß for German, è ê à for French, ...); English or Spanish wins only
/// with enough evidence and a clear lead. Text mostly in another script is Other.
/// </summary>
public static partial class LanguageDetector
{
    private const int MaxChars = 20_000;
    private const int LongText = 20; // words; from here on function words must also be a share of the text
    private const double MinShareOfLongText = 0.08;
    private const double MinLead = 1.6;

    /// <summary>The language of <paramref name="text"/>; <see cref="TextLanguage.Other"/> when unsure.</summary>
    public static TextLanguage Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sample = text.Length > MaxChars ? text[..MaxChars] : text;
        var (latin, otherScripts) = CountLetters(sample);
        if (latin == 0 || otherScripts > latin)
        {
            return TextLanguage.Other;
        }

        var scores = Score(sample, out var words);
        return Decide(scores, words);
    }

    /// <summary>The evidence for each profile, in <see cref="Profiles"/> order, and the number of words read.</summary>
    internal static double[] Score(string sample, out int words)
    {
        var scores = new double[Profiles.Length];
        words = 0;
        foreach (var unit in TextTokenizer.Tokenize(sample))
        {
            foreach (var part in unit.Parts)
            {
                words++;
                if (FunctionWordOwners.TryGetValue(part, out var owners))
                {
                    foreach (var p in owners)
                    {
                        scores[p] += 1.0 / owners.Length;
                    }
                }

                for (var p = 0; p < Profiles.Length; p++)
                {
                    scores[p] += Profiles[p].LetterScore(part);
                }
            }
        }

        foreach (var c in sample)
        {
            for (var p = 0; p < Profiles.Length; p++)
            {
                scores[p] += Profiles[p].PunctuationScore(c);
            }
        }

        return scores;
    }

    private static TextLanguage Decide(double[] scores, int words)
    {
        var best = 0;
        for (var p = 1; p < scores.Length; p++)
        {
            if (scores[p] > scores[best])
            {
                best = p;
            }
        }

        var second = scores.Where((_, p) => p != best).Max();
        var enough = scores[best] >= 1 && (words < LongText || scores[best] >= MinShareOfLongText * words);
        var clear = scores[best] >= MinLead * second && scores[best] - second >= 1;
        return enough && clear ? Profiles[best].Language : TextLanguage.Other;
    }

    private static (int Latin, int Other) CountLetters(string text)
    {
        int latin = 0, other = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (!Rune.IsLetter(rune))
            {
                continue;
            }

            if (rune.Value <= 0x024F || rune.Value is >= 0x1E00 and <= 0x1EFF)
            {
                latin++;
            }
            else
            {
                other++;
            }
        }

        return (latin, other);
    }
}
