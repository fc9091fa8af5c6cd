using DocRag.Core.Ingestion.Chunking;
using DocRag.Core.Text;

namespace DocRag.Core.Answering;

/// <summary>
/// Finds the sentences of a passage that match a question: each sentence is analysed as the index analyses text (its
/// document's language, plus plain folded words) and scored by how many distinct query terms it contains.
/// </summary>
internal static class SentenceMatcher
{
    /// <summary>The question's analysed terms in index form (empty when it has none).</summary>
    public static IReadOnlySet<string> QueryTerms(string question) =>
        new HashSet<string>(SearchText.ForQuery(question)?.Terms ?? [], StringComparer.Ordinal);

    /// <summary>
    /// Up to <paramref name="max"/> sentences with at least one query term, best first by score, returned in text order.
    /// Lines that only repeat a heading (<paramref name="headings"/>: chunks start with their section's headings) are not sentences.
    /// </summary>
    public static IReadOnlyList<string> Best(
        string text, TextLanguage language, IReadOnlySet<string> queryTerms, int max, IReadOnlyList<string>? headings = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (queryTerms.Count == 0)
        {
            return [];
        }

        var scored = SentenceSplitter.Split(text, 0, text.Length)
            .Select((range, index) => (Index: index, Sentence: text[range.Start..range.End]))
            .Where(s => headings is null || !headings.Any(h => string.Equals(h.Trim(), s.Sentence, StringComparison.OrdinalIgnoreCase)))
            .Select(s => (s.Index, s.Sentence, Score: Score(s.Sentence, language, queryTerms)))
            .Where(s => s.Score > 0)
            .ToList();
        return [.. scored
            .OrderByDescending(s => s.Score).ThenBy(s => s.Index)
            .Take(max)
            .OrderBy(s => s.Index)
            .Select(s => s.Sentence)];
    }

    /// <summary>The best-matching sentences cut to <paramref name="maxChars"/> at a word, else the passage's start.</summary>
    public static string Snippet(string text, TextLanguage language, IReadOnlySet<string> queryTerms, int maxChars, IReadOnlyList<string>? headings = null)
    {
        var best = Best(text, language, queryTerms, 2, headings);
        return Shorten(best.Count > 0 ? string.Join(' ', best) : text, maxChars);
    }

    internal static int Score(string sentence, TextLanguage language, IReadOnlySet<string> queryTerms)
    {
        var terms = new HashSet<string>(SearchText.Terms(sentence, language), StringComparer.Ordinal);
        if (language != TextLanguage.Other)
        {
            terms.UnionWith(SearchText.Terms(sentence, TextLanguage.Other));
        }

        return terms.Count(queryTerms.Contains);
    }

    internal static string Shorten(string text, int maxChars)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= maxChars)
        {
            return flat;
        }

        var end = flat.LastIndexOf(' ', maxChars - 1);
        return flat[..(end > maxChars / 2 ? end : maxChars - 1)] + "…";
    }
}
