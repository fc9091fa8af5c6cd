using System.Collections.Frozen;

namespace DocRag.Core.Text;

/// <summary>
/// What one language looks like to <see cref="LanguageDetector"/>: its common function words and its telltale
/// letters and punctuation (a fraction of a point, at most one point per word).
/// </summary>
internal sealed class LanguageProfile(
    TextLanguage language,
    string functionWords,
    IReadOnlyDictionary<char, double> letters,
    IReadOnlyDictionary<char, double>? punctuation = null)
{
    /// <summary>The function words, lower case with their accents.</summary>
    public FrozenSet<string> FunctionWords { get; } =
        functionWords.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    private readonly FrozenDictionary<char, double> _letters = letters.ToFrozenDictionary();
    private readonly FrozenDictionary<char, double> _punctuation = (punctuation ?? new Dictionary<char, double>()).ToFrozenDictionary();

    /// <summary>English or Spanish, or Other for the languages profiled only to tell them apart.</summary>
    public TextLanguage Language { get; } = language;

    /// <summary>The letter evidence of one lower-case word (not folded: accents are evidence), at most 1.</summary>
    public double LetterScore(string word)
    {
        var letters = 0.0;
        foreach (var c in word)
        {
            if (c > 0x7F && _letters.TryGetValue(c, out var weight))
            {
                letters += weight;
            }
        }

        return Math.Min(1.0, letters);
    }

    public double PunctuationScore(char c) => c > 0x7F && _punctuation.TryGetValue(c, out var weight) ? weight : 0;
}
