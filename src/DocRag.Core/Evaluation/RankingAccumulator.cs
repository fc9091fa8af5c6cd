namespace DocRag.Core.Evaluation;

/// <summary>Sums the per-query metrics of an evaluation run into <see cref="RankingScores"/>.</summary>
internal sealed class RankingAccumulator(bool hundred)
{
    private int _queries;
    private double _ndcg10;
    private double _recall1;
    private double _recall5;
    private double _recall10;
    private double _recall100;
    private double _mrr10;
    private int _pageQueries;
    private int _pageHits;

    /// <summary>Adds one query with at least one relevant document; queries without judgements are not averaged.</summary>
    public void Add(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> relevant)
    {
        _queries++;
        _ndcg10 += RankingMetrics.Ndcg(ranked, relevant, 10);
        _recall1 += RankingMetrics.Recall(ranked, relevant, 1);
        _recall5 += RankingMetrics.Recall(ranked, relevant, 5);
        _recall10 += RankingMetrics.Recall(ranked, relevant, 10);
        _recall100 += RankingMetrics.Recall(ranked, relevant, 100);
        _mrr10 += RankingMetrics.ReciprocalRank(ranked, relevant, 10);
    }

    /// <summary>Adds whether a question with an expected page found it in the first five.</summary>
    public void AddPage(bool found)
    {
        _pageQueries++;
        _pageHits += found ? 1 : 0;
    }

    public RankingScores ToScores()
    {
        double Mean(double sum) => _queries == 0 ? 0 : sum / _queries;
        return new RankingScores(
            _queries, Mean(_ndcg10), Mean(_recall1), Mean(_recall5), Mean(_recall10), hundred ? Mean(_recall100) : null, Mean(_mrr10),
            _pageQueries == 0 ? null : (double)_pageHits / _pageQueries);
    }
}
