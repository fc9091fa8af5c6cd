namespace DocRag.Core.Evaluation;

/// <summary>
/// Turns a set into one where some questions have no answer in the corpus, to measure whether answers say so. SQuAD:
/// every other article (in file order) is left out of the corpus, and the questions about it expect no answer. BEIR:
/// the relevant documents of every other query (in id order) are left out, so those queries expect no answer; a kept
/// query loses the relevant documents it shared with a held-out one, and is dropped when none is left.
/// </summary>
public static class EvaluationHoldOut
{
    public static EvaluationSet Apply(EvaluationSet set, EvaluationKind kind)
    {
        ArgumentNullException.ThrowIfNull(set);
        return kind switch
        {
            EvaluationKind.Squad => Articles(set),
            EvaluationKind.Beir => RelevantDocuments(set),
            _ => throw new ArgumentException("hold-out applies to beir and squad sets", nameof(kind)),
        };
    }

    /// <summary>SQuAD: documents are <c>article.paragraph</c>; the odd articles (second, fourth, ...) are left out.</summary>
    private static EvaluationSet Articles(EvaluationSet set)
    {
        var articles = set.Documents.Select(d => Article(d.Id)).Distinct(StringComparer.Ordinal).ToList();
        var left = articles.Where((_, i) => i % 2 == 1).ToHashSet(StringComparer.Ordinal);
        var documents = set.Documents.Where(d => !left.Contains(Article(d.Id))).ToList();
        var queries = set.Queries
            .Select(q => q.Relevant.Keys.Any(id => left.Contains(Article(id))) ? q with { Relevant = new Dictionary<string, int>(), Answers = [] } : q)
            .ToList();
        return new EvaluationSet(set.Name + "-holdout", documents, queries);
    }

    private static EvaluationSet RelevantDocuments(EvaluationSet set)
    {
        var ordered = set.Queries.OrderBy(q => q.Id, StringComparer.Ordinal).ToList();
        var heldQueries = ordered.Where((_, i) => i % 2 == 1).Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        var removed = set.Queries.Where(q => heldQueries.Contains(q.Id)).SelectMany(q => q.Relevant.Keys).ToHashSet(StringComparer.Ordinal);
        var queries = new List<EvaluationQuery>();
        foreach (var query in set.Queries)
        {
            if (heldQueries.Contains(query.Id))
            {
                queries.Add(query with { Relevant = new Dictionary<string, int>(), Answers = [] });
                continue;
            }

            var relevant = query.Relevant.Where(r => !removed.Contains(r.Key)).ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
            if (relevant.Count > 0)
            {
                queries.Add(query with { Relevant = relevant });
            }
        }

        return new EvaluationSet(set.Name + "-holdout", [.. set.Documents.Where(d => !removed.Contains(d.Id))], queries);
    }

    private static string Article(string id)
    {
        var dot = id.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? id : id[..dot];
    }
}
