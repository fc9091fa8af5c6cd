namespace DocRag.Core.Text;

/// <summary>
/// The Snowball Spanish stemmer, written from the algorithm description on snowballstem.org (the version before the
/// 2025 rules for missing accents). Input is one lower-case word with its accents; the stem has acute accents removed.
/// </summary>
public static partial class SpanishStemmer
{
    private const int StackLimit = 128;

    /// <summary>The stem of <paramref name="word"/>, which should be lower case and keep its accents.</summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        Span<char> buffer = word.Length <= StackLimit ? stackalloc char[StackLimit] : new char[word.Length];
        var w = new StemBuffer(buffer, word);
        var regions = MarkRegions(w);
        AttachedPronoun(ref w, regions);
        if (!StandardSuffix(ref w, regions) && !VerbSuffixBeginningY(ref w, regions))
        {
            OtherVerbSuffix(ref w, regions);
        }

        ResidualSuffix(ref w, regions);
        for (var i = 0; i < w.Length; i++)
        {
            w[i] = RemoveAcute(w[i]);
        }

        return w.ToString();
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'á' or 'é' or 'í' or 'ó' or 'ú' or 'ü';

    private static char RemoveAcute(char c) => c switch
    {
        'á' => 'a',
        'é' => 'e',
        'í' => 'i',
        'ó' => 'o',
        'ú' => 'u',
        _ => c,
    };

    /// <summary>
    /// RV: after the next vowel when the second letter is a consonant; after the next consonant when the first two
    /// letters are vowels; otherwise after the third letter. R1 and R2 as usual. Each is the word's end when not found.
    /// </summary>
    private static Regions MarkRegions(StemBuffer w)
    {
        var length = w.Length;
        var rv = length;
        if (length >= 2)
        {
            if (!IsVowel(w[1]))
            {
                rv = After(w, 2, vowel: true);
            }
            else if (IsVowel(w[0]))
            {
                rv = After(w, 2, vowel: false);
            }
            else if (length >= 3)
            {
                rv = 3;
            }
        }

        var r1 = RegionAfterVowelThenConsonant(w, 0);
        return new Regions(rv, r1, RegionAfterVowelThenConsonant(w, r1));
    }

    /// <summary>The position just after the first vowel (or consonant) at or after <paramref name="from"/>.</summary>
    private static int After(StemBuffer w, int from, bool vowel)
    {
        for (var i = from; i < w.Length; i++)
        {
            if (IsVowel(w[i]) == vowel)
            {
                return i + 1;
            }
        }

        return w.Length;
    }

    private static int RegionAfterVowelThenConsonant(StemBuffer w, int from)
    {
        var i = from;
        while (i < w.Length && !IsVowel(w[i]))
        {
            i++;
        }

        while (i < w.Length && IsVowel(w[i]))
        {
            i++;
        }

        return i < w.Length ? i + 1 : w.Length;
    }

    private readonly record struct Regions(int RV, int R1, int R2);
}
