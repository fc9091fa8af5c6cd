using System.Text.Json;
using DocRag.TestSupport;
using DocRag.TestSupport.Evaluation;

namespace DocRag.Cli.Tests.Commands;

public sealed class EvalQaCommandTests : IDisposable
{
    private readonly TempDirectory _data = new("docrag-cli-eval-qa");

    [Fact]
    public async Task EvalQa_OverTheIndex_PrintsMetricsAndWarnings()
    {
        await IndexAsync();

        var result = await RunAsync("eval", "qa", EvaluationFixtures.QaQuestions);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("questions (qa)", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"Recall@1\s+│\s+1\.000", result.Output);
        Assert.Matches(@"page Recall@5\s+│\s+1\.000", result.Output);
        Assert.Contains("no-answer when expected", result.Output, StringComparison.Ordinal);
        Assert.Contains("warning: line 5: no indexed document's path ends with gone/handbook.pdf", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalQa_CompareJson_PrintsRuns()
    {
        await IndexAsync();

        var result = await RunAsync("eval", "qa", EvaluationFixtures.QaQuestions, "--compare", "mode=keyword,mode=keyword+titleWeight=1", "--ask", "off", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var runs = json.RootElement.GetProperty("runs").EnumerateArray().ToArray();
        Assert.Equal(2, runs.Length);
        Assert.All(runs, r => Assert.Equal(3, r.GetProperty("ranking").GetProperty("queries").GetInt32()));
    }

    [Fact]
    public async Task EvalQa_ChunkingSetting_FailsWithOneLine()
    {
        await IndexAsync();

        var result = await RunAsync("eval", "qa", EvaluationFixtures.QaQuestions, "--set", "chunkTokens=100");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("eval qa reads the current index", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalQa_MissingFile_FailsWithOneLine()
    {
        var result = await RunAsync("eval", "qa", _data.Combine("absent.jsonl"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: QA file not found", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    public void Dispose() => _data.Dispose();

    private async Task IndexAsync()
    {
        var index = await RunAsync("index", EvaluationFixtures.QaDocuments);
        Assert.Equal(0, index.ExitCode);
    }

    private Task<CliRun> RunAsync(params string[] args) =>
        CliRun.RunAsync(["--data", _data.Path, "--models", _data.Combine("models"), .. args]);
}
