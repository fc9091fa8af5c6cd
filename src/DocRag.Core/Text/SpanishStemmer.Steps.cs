namespace DocRag.Core.Text;

/// <summary>The steps of the Spanish stemmer: attached pronoun, standard suffix, verb suffixes, residual suffix.</summary>
public static partial class SpanishStemmer
{
    private static readonly string[] Pronouns = StemBuffer.LongestFirst(
        "me", "se", "sela", "selo", "selas", "selos", "la", "le", "lo", "las", "les", "los", "nos");

    private static readonly string[] PronounHosts = StemBuffer.LongestFirst(
        "iéndo", "ándo", "ár", "ér", "ír", "ando", "iendo", "ar", "er", "ir", "yendo");

    private static readonly string[] ResidualSuffixes = StemBuffer.LongestFirst("os", "a", "o", "á", "í", "ó", "e", "é");

    /// <summary>Step 0: a pronoun attached to a gerund or infinitive in RV (haciéndola → haciendo).</summary>
    private static void AttachedPronoun(ref StemBuffer w, Regions regions)
    {
        var pronoun = w.LongestSuffix(Pronouns);
        if (pronoun is null)
        {
            return;
        }

        var end = w.Length - pronoun.Length;
        string? host = null;
        foreach (var candidate in PronounHosts)
        {
            if (w.EndsWithAt(end, candidate))
            {
                host = candidate;
                break;
            }
        }

        var hostStart = end - (host?.Length ?? 0);
        if (host is null || hostStart < regions.RV || (host == "yendo" && (hostStart == 0 || w[hostStart - 1] != 'u')))
        {
            return;
        }

        w.Truncate(end);
        if (host is "iéndo" or "ándo" or "ár" or "ér" or "ír")
        {
            for (var i = hostStart; i < end; i++)
            {
                w[i] = RemoveAcute(w[i]);
            }
        }
    }

    /// <summary>Step 2a: verb suffixes beginning y, in RV, removed when preceded by u (which may lie outside RV).</summary>
    private static bool VerbSuffixBeginningY(ref StemBuffer w, Regions regions)
    {
        var suffix = w.LongestSuffix(YVerbSuffixes, regions.RV);
        if (suffix is null)
        {
            return false;
        }

        var start = w.Length - suffix.Length;
        if (start == 0 || w[start - 1] != 'u')
        {
            return false;
        }

        w.Truncate(start);
        return true;
    }

    /// <summary>Step 2b: other verb suffixes in RV; after en/es/éis/emos a preceding gu loses its u.</summary>
    private static void OtherVerbSuffix(ref StemBuffer w, Regions regions)
    {
        var suffix = w.LongestSuffix(VerbSuffixes, regions.RV);
        if (suffix is null)
        {
            return;
        }

        var start = w.Length - suffix.Length;
        w.Truncate(start);
        if (suffix is "en" or "es" or "éis" or "emos" && w.EndsWith("gu"))
        {
            w.Truncate(start - 1);
        }
    }

    /// <summary>Step 3: a residual vowel ending in RV; after e/é a preceding gu loses its u when the u is in RV.</summary>
    private static void ResidualSuffix(ref StemBuffer w, Regions regions)
    {
        var suffix = w.LongestSuffix(ResidualSuffixes);
        if (suffix is null || w.Length - suffix.Length < regions.RV)
        {
            return;
        }

        var start = w.Length - suffix.Length;
        w.Truncate(start);
        if (suffix is "e" or "é" && start - 1 >= regions.RV && w.EndsWith("gu"))
        {
            w.Truncate(start - 1);
        }
    }
}
