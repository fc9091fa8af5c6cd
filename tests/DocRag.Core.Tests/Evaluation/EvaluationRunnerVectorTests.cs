using DocRag.Core.Evaluation;
using DocRag.Core.Retrieval;
using DocRag.TestSupport;
using DocRag.TestSupport.Evaluation;
using DocRag.TestSupport.Onnx;

namespace DocRag.Core.Tests.Evaluation;

/// <summary>
/// Vector and hybrid evaluation with a generated BERT-shaped embedding model (random weights, real ONNX Runtime): the
/// quality is meaningless, the mechanics are real (passage vectors in the scratch index, query vectors, fusion).
/// </summary>
public sealed class EvaluationRunnerVectorTests : IDisposable
{
    private readonly TempDirectory _data = new("docrag-eval-vectors");

    [Theory]
    [InlineData(SearchMode.Vector, "vector")]
    [InlineData(SearchMode.Hybrid, "hybrid")]
    [InlineData(null, "hybrid")]
    public async Task EvaluateSet_WithGeneratedModel_RunsInTheMode(SearchMode? mode, string used)
    {
        var runner = Runner(new EmbeddingFolderSpec());

        var report = Assert.Single(await runner.EvaluateSetAsync(EvaluationKind.Beir, BeirLoader.Load(EvaluationFixtures.BeirFolder), [EvaluationSettings.Default(mode)], AskMode.Off));

        Assert.Equal(used, report.Mode);
        Assert.StartsWith("tiny@", report.EmbeddingModel, StringComparison.Ordinal); // the folder name and a hash of the model
        Assert.Equal((8, 4, 0), (report.Chunks, report.Ranking.Queries, report.FailedQueries));
        Assert.InRange(report.Ranking.NdcgAt10, 0, 1);
        Assert.Equal(1.0, report.Ranking.RecallAt100); // eight documents: every one is in the top 100
    }

    [Fact]
    public async Task EvaluateSet_CompareKeywordAndHybrid_SharesOneIndexWithVectors()
    {
        var runner = Runner(new EmbeddingFolderSpec());
        EvaluationSettings[] sides = [EvaluationSettings.Default(SearchMode.Keyword), EvaluationSettings.Default(SearchMode.Hybrid)];

        var reports = await runner.EvaluateSetAsync(EvaluationKind.Squad, SquadLoader.Load(EvaluationFixtures.SquadFile), sides, AskMode.Extractive);

        Assert.Equal(["keyword", "hybrid"], reports.Select(r => r.Mode));
        Assert.Null(reports[0].EmbeddingModel);
        Assert.StartsWith("tiny@", reports[1].EmbeddingModel, StringComparison.Ordinal);
        Assert.Equal(reports[0].IndexSeconds, reports[1].IndexSeconds);
        Assert.All(reports, r => Assert.Equal(5, r.Ask!.Questions));
    }

    [SharedModelsFact]
    public async Task EvaluateSet_HybridWithMiniLmTokenizer_RunsInHybrid()
    {
        var runner = Runner(new EmbeddingFolderSpec { TokenizerDirectory = Path.Combine(TestEnvironment.ModelsDirectory, "all-MiniLM-L6-v2-tokenizer"), MaxSequenceLength = 128 });

        var report = Assert.Single(await runner.EvaluateSetAsync(EvaluationKind.Squad, SquadLoader.Load(EvaluationFixtures.SquadFile), [EvaluationSettings.Default(SearchMode.Hybrid)], AskMode.Off));

        Assert.Equal(("hybrid", 4), (report.Mode, report.Ranking.Queries));
        Assert.StartsWith("tiny@", report.EmbeddingModel, StringComparison.Ordinal);
        Assert.InRange(report.Ranking.RecallAt5, 0, 1);
    }

    public void Dispose() => _data.Dispose();

    private EvaluationRunner Runner(EmbeddingFolderSpec spec)
    {
        EmbeddingModelFolderWriter.Write(_data.Combine("models", "tiny"), spec);
        return new EvaluationRunner(EvaluationConfig.Create(_data.Path, _data.Combine("models"), "tiny"));
    }
}
