using System.Globalization;
using DocRag.Core.Retrieval;

namespace DocRag.Core.Answering;

/// <summary>
/// The answer without a generator: from the best passages (search order), the sentences that share terms with the
/// question, in the passage's own order, each group followed by its citation <c>[n]</c>. Passages are numbered in
/// the order the answer quotes them, so the numbers run 1, 2, 3 and every one is cited.
/// </summary>
internal static class ExtractiveAnswer
{
    public static (string Text, IReadOnlyList<AnswerPassage> Quoted) Build(
        IReadOnlyList<SearchHit> hits, IReadOnlySet<string> queryTerms, int maxPassages, int maxSentences)
    {
        var quoted = new List<AnswerPassage>();
        var paragraphs = new List<string>();
        foreach (var hit in hits)
        {
            if (quoted.Count == maxPassages)
            {
                break;
            }

            var sentences = SentenceMatcher.Best(hit.Text, hit.Language, queryTerms, maxSentences, [.. hit.HeadingPath, hit.Title]);
            if (sentences.Count == 0)
            {
                continue;
            }

            var number = quoted.Count + 1;
            var text = string.Join(' ', sentences.Select(s => SentenceMatcher.Shorten(s, int.MaxValue)));
            quoted.Add(new AnswerPassage(number, hit, text));
            paragraphs.Add(string.Create(CultureInfo.InvariantCulture, $"{text} [{number}]"));
        }

        return (string.Join("\n\n", paragraphs), quoted);
    }
}
