using DocRag.Core.Text;

namespace DocRag.Core.Retrieval;

/// <summary>
/// The query's adjacent word pairs as FTS5 phrases (a sequential-dependence model in its simplest form): a passage
/// that has "p53 apoptosis" as the query wrote it matches more than one with both words far apart. Stop words are
/// gone from queries and index alike, so "role of p53 in apoptosis" pairs "role p53" and "p53 apoptosis". Each pair
/// takes the first two index forms of each word (the stems of the query's language and the plain form), since a
/// document stored only one of them.
/// </summary>
internal static class ProximityQuery
{
    private const int FormsPerWord = 2;

    /// <summary>The MATCH expression of the pairs; null when the query has fewer than two clauses.</summary>
    public static string? Build(FtsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Clauses.Count < 2)
        {
            return null;
        }

        var phrases = new List<string>();
        for (var i = 0; i + 1 < query.Clauses.Count; i++)
        {
            foreach (var left in query.Clauses[i].Variants.Take(FormsPerWord))
            {
                foreach (var right in query.Clauses[i + 1].Variants.Take(FormsPerWord))
                {
                    phrases.Add(FtsQuery.Quote(left + " " + right));
                }
            }
        }

        return string.Join(" OR ", phrases.Distinct(StringComparer.Ordinal));
    }
}
