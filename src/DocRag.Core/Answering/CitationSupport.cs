using DocRag.Core.Retrieval;

namespace DocRag.Core.Answering;

/// <summary>
/// Whether a generated answer's citations support it: at least one cited passage shares a key term (a word that is not
/// a stop word, analysed as the index analyses it) with the answer. An answer that cites nothing is not supported.
/// </summary>
internal static partial class CitationSupport
{
    public static bool Supports(string answer, IReadOnlyList<SearchHit> cited)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(cited);
        var terms = SentenceMatcher.QueryTerms(CitationMarks().Replace(answer, " "));
        if (terms.Count == 0)
        {
            return true;
        }

        return cited.Any(hit => SentenceMatcher.Score(string.Join('\n', [hit.Title, .. hit.HeadingPath, hit.Text]), hit.Language, terms) > 0);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\[\d+(?:\s*,\s*\d+)*\]")]
    private static partial System.Text.RegularExpressions.Regex CitationMarks();
}
