using DocRag.Core.Evaluation;
using DocRag.Core.Retrieval;
using DocRag.TestSupport;
using DocRag.TestSupport.Evaluation;
using Microsoft.Extensions.Options;

namespace DocRag.Core.Tests.Evaluation;

/// <summary>BEIR and SQuAD sets through a real scratch index, the real search and the real answer service (no models).</summary>
public sealed class EvaluationRunnerTests : IDisposable
{
    private static readonly EvaluationSettings Keyword = EvaluationSettings.Default(SearchMode.Keyword);
    private readonly TempDirectory _data = new("docrag-eval-test");

    [Fact]
    public async Task EvaluateSet_BeirFixture_RanksEveryJudgedQueryFirst()
    {
        var report = Assert.Single(await Runner().EvaluateSetAsync(EvaluationKind.Beir, BeirLoader.Load(EvaluationFixtures.BeirFolder), [Keyword], AskMode.Off));

        Assert.Equal(("beir", "tiny-beir", "default", "keyword", (string?)null), (report.Kind, report.Set, report.Settings, report.Mode, report.EmbeddingModel));
        Assert.Equal((8, 8, 4, 0), (report.Documents, report.Chunks, report.Queries, report.FailedQueries));
        Assert.Equal(new RankingScores(4, 1, 0.875, 1, 1, 1, 1), report.Ranking);
        Assert.Equal(4, report.Latency.Count);
        Assert.Null(report.Ask);
        Assert.True(report.IndexSeconds > 0);
    }

    [Fact]
    public async Task EvaluateSet_RelevantDocumentSecond_ScoresItThere()
    {
        var set = new EvaluationSet(
            "fruit",
            [new("a", null, "Red apples and red cherries grow in the red orchard."), new("b", null, "Green apples grow in the valley.")],
            [new("q", "red apples", new Dictionary<string, int> { ["b"] = 1 }, [])]);

        var report = Assert.Single(await Runner().EvaluateSetAsync(EvaluationKind.Beir, set, [Keyword], AskMode.Off));

        Assert.Equal(1 / Math.Log2(3), report.Ranking.NdcgAt10, 12);
        Assert.Equal((0.0, 1.0, 0.5), (report.Ranking.RecallAt1, report.Ranking.RecallAt10, report.Ranking.MrrAt10));
    }

    [Fact]
    public async Task EvaluateSet_Compare_SharesTheIndexUnlessChunkingDiffers()
    {
        var set = BeirLoader.Load(EvaluationFixtures.BeirFolder);
        EvaluationSettings[] sides = [Keyword, EvaluationSettings.Parse("titleWeight=0+proximityWeight=0", Keyword), EvaluationSettings.Parse("chunkTokens=16+chunkOverlapPercent=0", Keyword)];

        var reports = await Runner().EvaluateSetAsync(EvaluationKind.Beir, set, sides, AskMode.Off);

        Assert.Equal(["default", "titleWeight=0+proximityWeight=0", "chunkTokens=16+chunkOverlapPercent=0"], reports.Select(r => r.Settings));
        Assert.Equal(reports[0].IndexSeconds, reports[1].IndexSeconds);
        Assert.Equal(8, reports[1].Chunks);
        Assert.True(reports[2].Chunks > 8, $"{reports[2].Chunks} chunks of 16 tokens");
    }

    [Fact]
    public async Task EvaluateSet_SquadExtractive_CountsCitationsAnswersAndNoAnswers()
    {
        var report = Assert.Single(await Runner().EvaluateSetAsync(EvaluationKind.Squad, SquadLoader.Load(EvaluationFixtures.SquadFile), [Keyword], AskMode.Extractive));

        Assert.Equal((4, 5), (report.Documents, report.Queries));
        Assert.Equal((4, 1.0, 1.0, (double?)null), (report.Ranking.Queries, report.Ranking.RecallAt1, report.Ranking.MrrAt10, report.Ranking.RecallAt100));
        var ask = Assert.IsType<AskScores>(report.Ask);
        Assert.Equal(("extractive", 5, 1.0, 1.0, 1), (ask.Mode, ask.Questions, ask.CitesExpected, ask.ContainsAnswer, ask.Unanswerable));
        Assert.NotNull(ask.NoAnswerCorrect);
        Assert.Equal(0.0, ask.FalseNoAnswer);
        Assert.Equal(5, ask.Latency.Count);
    }

    [Theory]
    [InlineData(SearchMode.Vector)]
    [InlineData(SearchMode.Hybrid)]
    public async Task EvaluateSet_VectorModeWithoutModel_FailsWithOneLine(SearchMode mode)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Runner().EvaluateSetAsync(EvaluationKind.Beir, BeirLoader.Load(EvaluationFixtures.BeirFolder), [EvaluationSettings.Default(mode)], AskMode.Off));

        Assert.StartsWith($"mode {mode.ToString().ToLowerInvariant()} needs an embedding model", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task EvaluateSet_AutoModeWithoutModel_SearchesByKeyword()
    {
        var report = Assert.Single(await Runner().EvaluateSetAsync(EvaluationKind.Beir, BeirLoader.Load(EvaluationFixtures.BeirFolder), [EvaluationSettings.Default()], AskMode.Off));

        Assert.Equal("keyword", report.Mode);
    }

    [Fact]
    public async Task EvaluateSet_GenerativeWithoutGenerator_FailsWithOneLine()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Runner().EvaluateSetAsync(EvaluationKind.Squad, SquadLoader.Load(EvaluationFixtures.SquadFile), [Keyword], AskMode.Generative));

        Assert.StartsWith("generative answers need a generator model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateSet_InvalidSetting_FailsValidationBeforeIndexing()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            Runner().EvaluateSetAsync(EvaluationKind.Beir, BeirLoader.Load(EvaluationFixtures.BeirFolder), [EvaluationSettings.Parse("titleWeight=-1", Keyword)], AskMode.Off));

        Assert.Contains("DocRag:Retrieval:TitleWeight", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _data.Dispose();

    private EvaluationRunner Runner() => new(EvaluationConfig.Create(_data.Path));
}
