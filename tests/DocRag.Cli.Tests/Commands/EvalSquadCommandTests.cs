using System.Text.Json;
using DocRag.TestSupport;
using DocRag.TestSupport.Evaluation;

namespace DocRag.Cli.Tests.Commands;

public sealed class EvalSquadCommandTests : IDisposable
{
    private readonly TempDirectory _data = new("docrag-cli-eval-squad");

    [Fact]
    public async Task EvalSquad_Json_ReportsParagraphRecallAndExtractiveAnswers()
    {
        var result = await RunAsync("eval", "squad", EvaluationFixtures.SquadFile, "--mode", "keyword", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(("squad", 4), (root.GetProperty("kind").GetString(), root.GetProperty("documents").GetInt32()));
        Assert.Equal(1.0, root.GetProperty("ranking").GetProperty("recallAt1").GetDouble());
        var ask = root.GetProperty("ask");
        Assert.Equal("extractive", ask.GetProperty("mode").GetString());
        Assert.Equal(1.0, ask.GetProperty("citesExpected").GetDouble());
        Assert.Equal(1.0, ask.GetProperty("containsAnswer").GetDouble());
        Assert.Equal(1, ask.GetProperty("unanswerable").GetInt32());
    }

    [Fact]
    public async Task EvalSquad_Table_ShowsRecallAndAnswerRows()
    {
        var result = await RunAsync("eval", "squad", EvaluationFixtures.SquadFile, "--mode", "keyword");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"Recall@1\s+│\s+1\.000", result.Output);
        Assert.Contains("answers cite expected", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Recall@100", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalSquad_AskOff_HasNoAnswerMetrics()
    {
        var result = await RunAsync("eval", "squad", EvaluationFixtures.SquadFile, "--mode", "keyword", "--ask", "off", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("ask").ValueKind);
    }

    [Fact]
    public async Task EvalSquad_NotSquad_FailsWithOneLine()
    {
        var file = _data.WriteText("bad.json", "{\"version\": 2}");

        var result = await RunAsync("eval", "squad", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: bad: expected a SQuAD object with a 'data' array", Assert.Single(result.ErrorLines));
    }

    public void Dispose() => _data.Dispose();

    private Task<CliRun> RunAsync(params string[] args) =>
        CliRun.RunAsync(["--data", _data.Path, "--models", _data.Combine("models"), .. args]);
}
