namespace DocRag.Core.Text;

/// <summary>Steps 0 and 1 of the English stemmer: apostrophes, plurals, -ed and -ing, final y.</summary>
public static partial class EnglishStemmer
{
    private static readonly string[] Step0Suffixes = StemBuffer.LongestFirst("'", "'s", "'s'");
    private static readonly string[] Step1aSuffixes = StemBuffer.LongestFirst("sses", "ied", "ies", "s", "us", "ss");
    private static readonly string[] Step1bSuffixes = StemBuffer.LongestFirst("eed", "eedly", "ed", "edly", "ing", "ingly");

    private static void Step0(ref StemBuffer w)
    {
        if (w.LongestSuffix(Step0Suffixes) is { } suffix)
        {
            w.Truncate(w.Length - suffix.Length);
        }
    }

    private static void Step1a(ref StemBuffer w)
    {
        switch (w.LongestSuffix(Step1aSuffixes))
        {
            case "sses":
                w.ReplaceEnd(4, "ss");
                break;
            case "ied" or "ies":
                w.ReplaceEnd(3, w.Length > 4 ? "i" : "ie");
                break;
            case "s" when HasVowelBefore(w, w.Length - 2):
                w.Truncate(w.Length - 1);
                break;
        }
    }

    private static void Step1b(ref StemBuffer w, int p1)
    {
        var suffix = w.LongestSuffix(Step1bSuffixes);
        if (suffix is null)
        {
            return;
        }

        var start = w.Length - suffix.Length;
        if (suffix.StartsWith("eed", StringComparison.Ordinal))
        {
            if (start >= p1)
            {
                w.ReplaceEnd(suffix.Length, "ee");
            }

            return;
        }

        if (!HasVowelBefore(w, start))
        {
            return;
        }

        w.Truncate(start);
        if (w.EndsWith("at") || w.EndsWith("bl") || w.EndsWith("iz"))
        {
            w.ReplaceEnd(0, "e");
        }
        else if (EndsInDouble(w))
        {
            w.Truncate(w.Length - 1);
        }
        else if (p1 >= w.Length && EndsInShortSyllable(w, w.Length))
        {
            w.ReplaceEnd(0, "e");
        }
    }

    private static bool EndsInDouble(StemBuffer w) =>
        w.Length >= 2 && w[^1] == w[^2] && w[^1] is 'b' or 'd' or 'f' or 'g' or 'm' or 'n' or 'p' or 'r' or 't';

    private static void Step1c(ref StemBuffer w)
    {
        if (w.Length >= 3 && w[w.Length - 1] is 'y' or 'Y' && !IsVowel(w[w.Length - 2]))
        {
            w[w.Length - 1] = 'i';
        }
    }
}
