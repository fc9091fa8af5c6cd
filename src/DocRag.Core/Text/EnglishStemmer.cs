namespace DocRag.Core.Text;

/// <summary>
/// The Snowball English ("Porter2") stemmer, written from the algorithm description on snowballstem.org (the
/// version before the 2023 revisions, which is what the reference implementations in use produce).
/// Input is one lower-case word; apostrophes (U+0027) count as letters, as the algorithm says.
/// </summary>
public static partial class EnglishStemmer
{
    private const int StackLimit = 128;

    /// <summary>The stem of <paramref name="word"/>, which should be lower case.</summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (SpecialWord(word) is { } special)
        {
            return special;
        }

        if (word.Length <= 2)
        {
            return word;
        }

        Span<char> buffer = word.Length <= StackLimit ? stackalloc char[StackLimit] : new char[word.Length];
        var w = new StemBuffer(buffer, word);
        if (w[0] == '\'')
        {
            w.RemoveFirst();
        }

        var markedY = MarkConsonantY(ref w);
        var (p1, p2) = MarkRegions(w);
        Step0(ref w);
        Step1a(ref w);
        if (!IsInvariantAfterStep1a(w))
        {
            Step1b(ref w, p1);
            Step1c(ref w);
            Step2(ref w, p1);
            Step3(ref w, p1, p2);
            Step4(ref w, p2);
            Step5(ref w, p1, p2);
        }

        if (markedY)
        {
            for (var i = 0; i < w.Length; i++)
            {
                if (w[i] == 'Y')
                {
                    w[i] = 'y';
                }
            }
        }

        return w.ToString();
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    /// <summary>Initial y, and y after a vowel, act as consonants: marked as Y, left to right.</summary>
    private static bool MarkConsonantY(ref StemBuffer w)
    {
        var marked = false;
        for (var i = 0; i < w.Length; i++)
        {
            if (w[i] == 'y' && (i == 0 || IsVowel(w[i - 1])))
            {
                w[i] = 'Y';
                marked = true;
            }
        }

        return marked;
    }

    /// <summary>R1 and R2 (see "R1 and R2" on snowballstem.org), with the gener/commun/arsen exception for R1.</summary>
    private static (int P1, int P2) MarkRegions(StemBuffer w)
    {
        var p1 = w.StartsWith("gener") || w.StartsWith("arsen") ? 5
            : w.StartsWith("commun") ? 6
            : RegionAfterVowelThenConsonant(w, 0);
        return (p1, RegionAfterVowelThenConsonant(w, p1));
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

    private static bool HasVowelBefore(StemBuffer w, int end)
    {
        for (var i = 0; i < end; i++)
        {
            if (IsVowel(w[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the word ends at <paramref name="end"/> in a short syllable: non-vowel, vowel, non-vowel other than
    /// w, x or Y; or, at the very start of the word, vowel then non-vowel.
    /// </summary>
    private static bool EndsInShortSyllable(StemBuffer w, int end)
    {
        if (end >= 3 && !IsVowel(w[end - 1]) && w[end - 1] is not ('w' or 'x' or 'Y')
            && IsVowel(w[end - 2]) && !IsVowel(w[end - 3]))
        {
            return true;
        }

        return end == 2 && IsVowel(w[0]) && !IsVowel(w[1]);
    }
}
