using DocRag.Core.Evaluation;
using DocRag.Core.Retrieval;
using DocRag.TestSupport;

namespace DocRag.Core.Tests.Evaluation;

/// <summary>
/// The project's keyword-retrieval targets on the shared sets, through the product's chunking, index and search with its
/// default settings (about 30 s for SciFact and 5 s for XQuAD-es on the 2-core machine).
/// </summary>
public sealed class SharedSetsEvaluationTests : IDisposable
{
    private readonly TempDirectory _data = new("docrag-eval-shared");

    [SharedDataFact]
    public async Task SciFact_Keyword_ReachesNdcg070()
    {
        var set = BeirLoader.Load(Path.Combine(TestEnvironment.DataDirectory, "scifact"));

        var report = Assert.Single(await Runner().EvaluateSetAsync(EvaluationKind.Beir, set, [EvaluationSettings.Default(SearchMode.Keyword)], AskMode.Off));

        Assert.Equal((5183, 300, 0), (report.Documents, report.Ranking.Queries, report.FailedQueries));
        Assert.True(report.Ranking.NdcgAt10 >= 0.70, $"SciFact nDCG@10 {report.Ranking.NdcgAt10:F4} (FTS5 porter BM25: 0.681)");
        Assert.True(report.Ranking.RecallAt100 >= 0.92, $"SciFact Recall@100 {report.Ranking.RecallAt100:F4}");
    }

    [SharedDataFact]
    public async Task XquadEs_Keyword_ReachesRecallAt1Of093()
    {
        var set = SquadLoader.Load(Path.Combine(TestEnvironment.DataDirectory, "xquad", "xquad.es.json"));

        var report = Assert.Single(await Runner().EvaluateSetAsync(EvaluationKind.Squad, set, [EvaluationSettings.Default(SearchMode.Keyword)], AskMode.Off));

        Assert.Equal((240, 1190), (report.Documents, report.Ranking.Queries));
        Assert.True(report.Ranking.RecallAt1 >= 0.93, $"XQuAD-es paragraph Recall@1 {report.Ranking.RecallAt1:F4} (FTS5 porter BM25: 0.906)");
        Assert.True(report.Ranking.RecallAt5 >= 0.98, $"XQuAD-es paragraph Recall@5 {report.Ranking.RecallAt5:F4}");
    }

    public void Dispose() => _data.Dispose();

    private EvaluationRunner Runner() => new(EvaluationConfig.Create(_data.Path));
}
