namespace DocRag.Core.Text;

/// <summary>The suffix-removal steps of the English stemmer, in the order the algorithm runs them.</summary>
public static partial class EnglishStemmer
{
    private static readonly string[] Step0Suffixes = StemBuffer.LongestFirst("'", "'s", "'s'");
    private static readonly string[] Step1aSuffixes = StemBuffer.LongestFirst("sses", "ied", "ies", "s", "us", "ss");
    private static readonly string[] Step1bSuffixes = StemBuffer.LongestFirst("eed", "eedly", "ed", "edly", "ing", "ingly");

    private static readonly string[] Step2Suffixes = StemBuffer.LongestFirst(
        "tional", "enci", "anci", "abli", "entli", "izer", "ization", "ational", "ation", "ator", "alism", "aliti", "alli",
        "fulness", "ousli", "ousness", "iveness", "iviti", "biliti", "bli", "ogi", "fulli", "lessli", "li");

    private static readonly string[] Step3Suffixes = StemBuffer.LongestFirst(
        "tional", "ational", "alize", "icate", "iciti", "ical", "ful", "ness", "ative");

    private static readonly string[] Step4Suffixes = StemBuffer.LongestFirst(
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate", "iti", "ous", "ive",
        "ize", "ion");

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

    private static void Step2(ref StemBuffer w, int p1)
    {
        var suffix = w.LongestSuffix(Step2Suffixes);
        if (suffix is null || w.Length - suffix.Length < p1)
        {
            return;
        }

        var start = w.Length - suffix.Length;
        string? replacement = suffix switch
        {
            "tional" => "tion",
            "enci" => "ence",
            "anci" => "ance",
            "abli" => "able",
            "entli" => "ent",
            "izer" or "ization" => "ize",
            "ational" or "ation" or "ator" => "ate",
            "alism" or "aliti" or "alli" => "al",
            "fulness" => "ful",
            "ousli" or "ousness" => "ous",
            "iveness" or "iviti" => "ive",
            "biliti" or "bli" => "ble",
            "ogi" when start > 0 && w[start - 1] == 'l' => "og",
            "fulli" => "ful",
            "lessli" => "less",
            "li" when start > 0 && w[start - 1] is 'c' or 'd' or 'e' or 'g' or 'h' or 'k' or 'm' or 'n' or 'r' or 't' => "",
            _ => null,
        };
        if (replacement is not null)
        {
            w.ReplaceEnd(suffix.Length, replacement);
        }
    }

    private static void Step3(ref StemBuffer w, int p1, int p2)
    {
        var suffix = w.LongestSuffix(Step3Suffixes);
        if (suffix is null || w.Length - suffix.Length < p1)
        {
            return;
        }

        string? replacement = suffix switch
        {
            "tional" => "tion",
            "ational" => "ate",
            "alize" => "al",
            "icate" or "iciti" or "ical" => "ic",
            "ful" or "ness" => "",
            "ative" when w.Length - suffix.Length >= p2 => "",
            _ => null,
        };
        if (replacement is not null)
        {
            w.ReplaceEnd(suffix.Length, replacement);
        }
    }

    private static void Step4(ref StemBuffer w, int p2)
    {
        var suffix = w.LongestSuffix(Step4Suffixes);
        if (suffix is null || w.Length - suffix.Length < p2)
        {
            return;
        }

        var start = w.Length - suffix.Length;
        if (suffix != "ion" || (start > 0 && w[start - 1] is 's' or 't'))
        {
            w.Truncate(start);
        }
    }

    private static void Step5(ref StemBuffer w, int p1, int p2)
    {
        var last = w.Length - 1;
        if (last < 0)
        {
            return;
        }

        if (w[last] == 'e' && (last >= p2 || (last >= p1 && !EndsInShortSyllable(w, last))))
        {
            w.Truncate(last);
        }
        else if (w[last] == 'l' && last >= p2 && last > 0 && w[last - 1] == 'l')
        {
            w.Truncate(last);
        }
    }
}
