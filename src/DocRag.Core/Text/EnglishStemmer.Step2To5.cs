namespace DocRag.Core.Text;

/// <summary>Steps 2 to 5 of the English stemmer: derivational suffixes, in R1 or R2.</summary>
public static partial class EnglishStemmer
{
    private static readonly string[] Step2Suffixes = StemBuffer.LongestFirst(
        "tional", "enci", "anci", "abli", "entli", "izer", "ization", "ational", "ation", "ator", "alism", "aliti", "alli",
        "fulness", "ousli", "ousness", "iveness", "iviti", "biliti", "bli", "ogi", "fulli", "lessli", "li");

    private static readonly string[] Step3Suffixes = StemBuffer.LongestFirst(
        "tional", "ational", "alize", "icate", "iciti", "ical", "ful", "ness", "ative");

    private static readonly string[] Step4Suffixes = StemBuffer.LongestFirst(
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate", "iti", "ous", "ive",
        "ize", "ion");

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
