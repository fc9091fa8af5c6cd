using DocRag.Core.Evaluation;
using DocRag.Core.Hosting;
using DocRag.Core.Ingestion.Sync;
using DocRag.Core.Retrieval;
using DocRag.TestSupport;
using DocRag.TestSupport.Evaluation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DocRag.Core.Tests.Evaluation;

/// <summary>A QA file over an index built by the real folder sync.</summary>
public sealed class EvaluationRunnerQaTests : IDisposable
{
    private static readonly EvaluationSettings Keyword = EvaluationSettings.Default(SearchMode.Keyword);
    private readonly TempDirectory _data = new("docrag-eval-qa");

    [Fact]
    public async Task EvaluateQa_Fixture_ScoresDocumentsPagesAnswersAndWarnsOfMissingDocuments()
    {
        var configuration = await IndexAsync(EvaluationFixtures.QaDocuments);

        var report = Assert.Single(await new EvaluationRunner(configuration).EvaluateQaAsync("tiny-qa", QaSetLoader.Load(EvaluationFixtures.QaQuestions), [Keyword], AskMode.Extractive));

        Assert.Equal(("qa", "tiny-qa", "keyword", 3, 5), (report.Kind, report.Set, report.Mode, report.Documents, report.Queries));
        // Two questions name their document, one only its answer; the unanswerable one and the missing document's are not ranked.
        Assert.Equal((3, 1.0, 1.0, (double?)1.0), (report.Ranking.Queries, report.Ranking.RecallAt1, report.Ranking.MrrAt10, report.Ranking.PageRecallAt5));
        Assert.Equal("line 5: no indexed document's path ends with gone/handbook.pdf; the question is left out", Assert.Single(report.Warnings));
        var ask = Assert.IsType<AskScores>(report.Ask);
        Assert.Equal((4, 1, 1.0), (ask.Questions, ask.Unanswerable, ask.CitesExpected));
        Assert.InRange(ask.ContainsAnswer!.Value, 0, 1);
        Assert.Equal(0.0, report.IndexSeconds);
    }

    [Fact]
    public async Task EvaluateQa_PathMatchingTwoDocuments_AsksForMoreOfThePath()
    {
        using var docs = new TempDirectory("docrag-eval-qa-docs");
        docs.WriteText(Path.Combine("a", "readme.txt"), "Alpha team notes.");
        docs.WriteText(Path.Combine("b", "readme.txt"), "Beta team notes.");
        var questions = _data.WriteText("q.jsonl", "{\"question\": \"team notes\", \"expected_path\": \"readme.txt\"}\n");
        var configuration = await IndexAsync(docs.Path);

        var error = await Assert.ThrowsAsync<EvaluationDataException>(() => new EvaluationRunner(configuration).EvaluateQaAsync("q", QaSetLoader.Load(questions), [Keyword], AskMode.Off));

        Assert.StartsWith("line 1: expected_path readme.txt matches 2 indexed documents", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateQa_ChunkingSetting_IsRefused()
    {
        var configuration = await IndexAsync(EvaluationFixtures.QaDocuments);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new EvaluationRunner(configuration).EvaluateQaAsync(
            "tiny-qa", QaSetLoader.Load(EvaluationFixtures.QaQuestions), [Keyword, EvaluationSettings.Parse("chunkTokens=100", Keyword)], AskMode.Off));

        Assert.Contains("eval qa reads the current index", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateQa_Compare_ReportsBothSides()
    {
        var configuration = await IndexAsync(EvaluationFixtures.QaDocuments);

        var reports = await new EvaluationRunner(configuration).EvaluateQaAsync(
            "tiny-qa", QaSetLoader.Load(EvaluationFixtures.QaQuestions), [Keyword, EvaluationSettings.Parse("titleWeight=1+chunkCountPenalty=0", Keyword)], AskMode.Off);

        Assert.Equal(["default", "titleWeight=1+chunkCountPenalty=0"], reports.Select(r => r.Settings));
        Assert.All(reports, r => Assert.Null(r.Ask));
    }

    public void Dispose() => _data.Dispose();

    /// <summary>Indexes <paramref name="folder"/> with the product's own services and returns the configuration that reads it.</summary>
    private async Task<IConfiguration> IndexAsync(string folder)
    {
        var configuration = EvaluationConfig.Create(_data.Combine("data"));
        var services = new ServiceCollection().AddLogging().AddDocRag(configuration);
        using (var provider = services.BuildServiceProvider())
        {
            await provider.GetRequiredService<FolderSync>().SyncAsync(folder);
        }

        return configuration;
    }
}
