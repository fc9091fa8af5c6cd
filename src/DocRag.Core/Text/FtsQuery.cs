using System.Text;

namespace DocRag.Core.Text;

/// <summary>
/// A user query analysed for the FTS5 index: MATCH expressions in which every term is a quoted string, so user text
/// can never be FTS syntax, and the analysed terms (for highlighting, snippets and feedback terms).
/// Built by <see cref="SearchText.ForQuery"/>.
/// </summary>
public sealed class FtsQuery
{
    internal FtsQuery(IReadOnlyList<FtsQueryClause> clauses, TextLanguage language)
    {
        Clauses = clauses;
        Language = language;
        Terms = [.. clauses.SelectMany(c => c.Variants).SelectMany(v => v.Split(' ')).Distinct(StringComparer.Ordinal)];
        MatchAny = string.Join(" OR ", clauses.SelectMany(c => c.Variants).SelectMany(PhraseAndTerms).Distinct(StringComparer.Ordinal).Select(Quote));
        MatchAll = string.Join(" AND ", clauses.Select(c => c.Variants.Count == 1
            ? Quote(c.Variants[0])
            : "(" + string.Join(" OR ", c.Variants.Select(Quote)) + ")"));
    }

    /// <summary>The query's clauses, in query order, stop words dropped (unless nothing else was left).</summary>
    public IReadOnlyList<FtsQueryClause> Clauses { get; }

    /// <summary>The language the query was detected as (it chose the stop words dropped); often Other for short queries.</summary>
    public TextLanguage Language { get; }

    /// <summary>Every distinct analysed term of the query, in index form (what <see cref="SearchText.ForIndex"/> stores).</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>
    /// MATCH expression that matches rows containing any clause: <c>"a" OR "b" OR "c d" OR "c" OR "d"</c>. A phrase
    /// (from "t-cell", "q4_k_m") comes with its terms, so a row with the exact phrase ranks higher but one with only
    /// some of its terms is still found.
    /// </summary>
    public string MatchAny { get; }

    /// <summary>MATCH expression that matches rows containing every clause: <c>("a" OR "a2") AND "b"</c>.</summary>
    public string MatchAll { get; }

    public string ToMatchExpression(FtsMatchMode mode) => mode == FtsMatchMode.All ? MatchAll : MatchAny;

    /// <summary>An FTS5 string literal for <paramref name="phrase"/>: always a phrase of plain tokens, never an operator.</summary>
    public static string Quote(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var sb = new StringBuilder(phrase.Length + 2).Append('"');
        foreach (var c in phrase)
        {
            if (c == '"')
            {
                sb.Append('"');
            }

            sb.Append(c);
        }

        return sb.Append('"').ToString();
    }

    public override string ToString() => MatchAny;

    private static IEnumerable<string> PhraseAndTerms(string variant) =>
        variant.Contains(' ', StringComparison.Ordinal) ? [variant, .. variant.Split(' ')] : [variant];
}
