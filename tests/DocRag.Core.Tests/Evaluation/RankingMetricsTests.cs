using DocRag.Core.Evaluation;

namespace DocRag.Core.Tests.Evaluation;

public sealed class RankingMetricsTests
{
    private static readonly Dictionary<string, int> Relevant = new() { ["a"] = 2, ["b"] = 1, ["z"] = 0 };

    [Fact]
    public void Ndcg_MatchesTheHandComputedValue()
    {
        // DCG = 1/log2(3) (b at 2) + 2/log2(5) (a at 4); ideal = 2/log2(2) + 1/log2(3).
        var expected = ((1 / Math.Log2(3)) + (2 / Math.Log2(5))) / (2 + (1 / Math.Log2(3)));

        Assert.Equal(expected, RankingMetrics.Ndcg(["x", "b", "z", "a"], Relevant, 10), 12);
        Assert.Equal(1.0, RankingMetrics.Ndcg(["a", "b"], Relevant, 10), 12);
        Assert.Equal(0.0, RankingMetrics.Ndcg(["x", "y"], Relevant, 10));
    }

    [Fact]
    public void Ndcg_CountsOnlyTheFirstK()
    {
        Assert.Equal(0.0, RankingMetrics.Ndcg(["x", "y", "a"], Relevant, 2));
    }

    [Fact]
    public void Recall_IsTheShareOfPositiveJudgementsFound()
    {
        Assert.Equal(0.5, RankingMetrics.Recall(["x", "b", "z"], Relevant, 10));
        Assert.Equal(0.0, RankingMetrics.Recall(["x", "b"], Relevant, 1));
        Assert.Equal(1.0, RankingMetrics.Recall(["b", "a"], Relevant, 2));
        Assert.Equal(0.0, RankingMetrics.Recall(["a"], new Dictionary<string, int>(), 10));
    }

    [Fact]
    public void ReciprocalRank_IsOneOverTheFirstRelevantRank()
    {
        Assert.Equal(1.0 / 3, RankingMetrics.ReciprocalRank(["x", "z", "a", "b"], Relevant, 10), 12);
        Assert.Equal(0.0, RankingMetrics.ReciprocalRank(["x", "z", "a"], Relevant, 2));
    }
}
