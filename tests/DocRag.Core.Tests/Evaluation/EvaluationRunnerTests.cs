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

    [Theory]
    [InlineData(CorpusForm.Text)]
    [InlineData(CorpusForm.Markdown)]
    [InlineData(CorpusForm.Direct)]
    public async Task EvaluateSet_EveryCorpusForm_IndexesTheWholeCorpus(CorpusForm form)
    {
        var report = Assert.Single(await Runner().EvaluateSetAsync(
            EvaluationKind.Beir, BeirLoader.Load(EvaluationFixtures.BeirFolder), [Keyword], AskMode.Off, new EvaluationIndexOptions(form)));

        Assert.Equal((8, 4, 0), (report.Documents, report.Ranking.Queries, report.FailedQueries));
        Assert.Equal(1.0, report.Ranking.RecallAt10);
        Assert.False(report.IndexReused);
    }

    [Fact]
    public async Task EvaluateSet_TextForm_GoesThroughTheParsersTitleRule()
    {
        // Titled documents' files start with the title line; the untitled one (d7) is its text alone.
        var set = BeirLoader.Load(EvaluationFixtures.BeirFolder);
        var cache = Path.Combine(_data.Path, "cache");

        await Runner().EvaluateSetAsync(EvaluationKind.Beir, set, [Keyword], AskMode.Off, new EvaluationIndexOptions(CorpusForm.Text, cache));

        var folder = Assert.Single(Directory.GetDirectories(cache));
        var files = Directory.GetFiles(Path.Combine(folder, "corpus"), "*.txt");
        Assert.Equal(8, files.Length);
        var titled = set.Documents.First(d => d.Title is not null);
        Assert.StartsWith(titled.Title + "\n\n", File.ReadAllText(Path.Combine(folder, "corpus", titled.Id + ".txt")), StringComparison.Ordinal);
        using var store = new DocRag.Core.Storage.IndexStore(Path.Combine(folder, "docrag.db"));
        var stored = await store.GetCollectionDocumentsAsync("evaluation");
        Assert.Equal(titled.Title, stored.Single(d => d.Path.EndsWith(titled.Id + ".txt", StringComparison.Ordinal)).Title);
    }

    [Fact]
    public async Task EvaluateSet_KeptIndex_IsReusedUntilRebuildOrAnIndexingSettingChanges()
    {
        var set = BeirLoader.Load(EvaluationFixtures.BeirFolder);
        var kept = new EvaluationIndexOptions(CorpusForm.Text, Path.Combine(_data.Path, "cache"));

        var first = Assert.Single(await Runner().EvaluateSetAsync(EvaluationKind.Beir, set, [Keyword], AskMode.Off, kept));
        var second = Assert.Single(await Runner().EvaluateSetAsync(EvaluationKind.Beir, set, [EvaluationSettings.Parse("titleWeight=1", Keyword)], AskMode.Off, kept));
        var rebuilt = Assert.Single(await Runner().EvaluateSetAsync(EvaluationKind.Beir, set, [Keyword], AskMode.Off, kept with { Rebuild = true }));
        var chunking = Assert.Single(await Runner().EvaluateSetAsync(EvaluationKind.Beir, set, [EvaluationSettings.Parse("chunkTokens=16+chunkOverlapPercent=0", Keyword)], AskMode.Off, kept));
        var other = Assert.Single(await Runner().EvaluateSetAsync(EvaluationKind.Beir, set with { Documents = set.Documents.Skip(1).ToList() }, [Keyword], AskMode.Off, kept));

        Assert.Equal((false, true, false, false, false), (first.IndexReused, second.IndexReused, rebuilt.IndexReused, chunking.IndexReused, other.IndexReused));
        Assert.Equal(first.Ranking, rebuilt.Ranking);
        Assert.Equal(first.Chunks, second.Chunks);
        Assert.Equal(3, Directory.GetDirectories(kept.CacheFolder!).Length);
        Assert.Equal(7, other.Documents);
    }

    [Fact]
    public async Task EvaluateSet_KeptDirectIndex_IsReused()
    {
        var set = BeirLoader.Load(EvaluationFixtures.BeirFolder);
        var kept = new EvaluationIndexOptions(CorpusForm.Direct, Path.Combine(_data.Path, "cache"));

        var first = Assert.Single(await Runner().EvaluateSetAsync(EvaluationKind.Beir, set, [Keyword], AskMode.Off, kept));
        var second = Assert.Single(await Runner().EvaluateSetAsync(EvaluationKind.Beir, set, [Keyword], AskMode.Off, kept));

        Assert.Equal((false, true), (first.IndexReused, second.IndexReused));
        Assert.Equal(first.Ranking, second.Ranking);
    }

    [Fact]
    public async Task EvaluateSet_SquadHoldOut_QuestionsAboutLeftOutArticlesExpectNoAnswer()
    {
        var set = EvaluationHoldOut.Apply(SquadLoader.Load(EvaluationFixtures.SquadFile), EvaluationKind.Squad);

        var report = Assert.Single(await Runner().EvaluateSetAsync(EvaluationKind.Squad, set, [Keyword], AskMode.Extractive));

        Assert.Equal((2, 5), (report.Documents, report.Queries)); // the Spain article is left out
        var ask = Assert.IsType<AskScores>(report.Ask);
        Assert.Equal(3, ask.Unanswerable); // the two questions about Spain and the SQuAD 2.0 impossible one
        Assert.Equal(1.0, ask.NoAnswerCorrect);
        Assert.Equal(0.0, ask.FalseNoAnswer);
    }

    public void Dispose() => _data.Dispose();

    private EvaluationRunner Runner() => new(EvaluationConfig.Create(_data.Path));
}
