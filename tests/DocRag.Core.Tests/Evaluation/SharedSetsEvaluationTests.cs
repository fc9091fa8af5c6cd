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
    public async Task SciFact_KeywordThroughTheFrontDoor_ReachesNdcg070AndAgreesWithTheDirectPath()
    {
        var set = BeirLoader.Load(Path.Combine(TestEnvironment.DataDirectory, "scifact"));
        EvaluationSettings[] keyword = [EvaluationSettings.Default(SearchMode.Keyword)];

        var files = Assert.Single(await Runner().EvaluateSetAsync(EvaluationKind.Beir, set, keyword, AskMode.Off, new EvaluationIndexOptions(CorpusForm.Text)));
        var direct = Assert.Single(await Runner().EvaluateSetAsync(EvaluationKind.Beir, set, keyword, AskMode.Off, new EvaluationIndexOptions(CorpusForm.Direct)));

        Assert.Equal((5183, 300, 0), (files.Documents, files.Ranking.Queries, files.FailedQueries));
        Assert.True(files.Ranking.NdcgAt10 >= 0.70, $"SciFact nDCG@10 through the files {files.Ranking.NdcgAt10:F4} (FTS5 porter BM25: 0.681)");
        Assert.True(Math.Abs(files.Ranking.NdcgAt10 - direct.Ranking.NdcgAt10) <= 0.005, $"files {files.Ranking.NdcgAt10:F4}, direct {direct.Ranking.NdcgAt10:F4}");
        Assert.True(files.Ranking.RecallAt100 >= 0.915, $"SciFact Recall@100 {files.Ranking.RecallAt100:F4}");
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
