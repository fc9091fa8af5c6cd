namespace DocRag.Bench.TextAnalysis;

/// <summary>Ranking metrics over one query's ranked row ids and its graded judgements (trec_eval's definitions).</summary>
internal static class RetrievalMetrics
{
    public static double Ndcg(IReadOnlyList<long> ranked, IReadOnlyDictionary<long, int> relevant, int k)
    {
        var dcg = 0.0;
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
        {
            if (relevant.TryGetValue(ranked[i], out var grade))
            {
                dcg += grade / Math.Log2(i + 2);
            }
        }

        var ideal = relevant.Values.OrderByDescending(g => g).Take(k).Select((g, i) => g / Math.Log2(i + 2)).Sum();
        return ideal == 0 ? 0 : dcg / ideal;
    }

    public static double Recall(IReadOnlyList<long> ranked, IReadOnlyDictionary<long, int> relevant, int k) =>
        relevant.Count == 0 ? 0 : (double)ranked.Take(k).Count(relevant.ContainsKey) / relevant.Count;

    public static double ReciprocalRank(IReadOnlyList<long> ranked, IReadOnlyDictionary<long, int> relevant, int k)
    {
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
        {
            if (relevant.ContainsKey(ranked[i]))
            {
                return 1.0 / (i + 1);
            }
        }

        return 0;
    }
}
