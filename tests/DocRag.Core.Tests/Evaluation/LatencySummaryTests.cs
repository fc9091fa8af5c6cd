using DocRag.Core.Evaluation;

namespace DocRag.Core.Tests.Evaluation;

public sealed class LatencySummaryTests
{
    [Fact]
    public void From_UsesNearestRankPercentiles()
    {
        var summary = LatencySummary.From(Enumerable.Range(1, 200).Reverse().Select(i => TimeSpan.FromMilliseconds(i)));

        Assert.Equal(new LatencySummary(200, 100.5, 100, 190, 198, 200), summary);
    }

    [Fact]
    public void From_OneValue_IsEveryPercentile()
    {
        Assert.Equal(new LatencySummary(1, 7, 7, 7, 7, 7), LatencySummary.From([TimeSpan.FromMilliseconds(7)]));
    }

    [Fact]
    public void From_Nothing_IsEmpty()
    {
        Assert.Same(LatencySummary.Empty, LatencySummary.From([]));
    }
}
