using System.Text.Json;
using DocRag.TestSupport;
using DocRag.TestSupport.Evaluation;
using DocRag.TestSupport.Onnx;

namespace DocRag.Cli.Tests.Commands;

public sealed class EvalBeirCommandTests : IDisposable
{
    private readonly TempDirectory _data = new("docrag-cli-eval");

    [Fact]
    public async Task EvalBeir_Keyword_PrintsTheMetricsTable()
    {
        var result = await RunAsync("eval", "beir", EvaluationFixtures.BeirFolder, "--mode", "keyword");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        Assert.Contains("tiny-beir (beir)", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"nDCG@10\s+│\s+1\.000", result.Output);
        Assert.Contains("Recall@100", result.Output, StringComparison.Ordinal);
        Assert.Contains("search p95 ms", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"chunks\s+│\s+8 ", result.Output);
        Assert.Contains("8 documents, 4 queries", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalBeir_Json_PrintsOneObject()
    {
        var result = await RunAsync("eval", "beir", EvaluationFixtures.BeirFolder, "--mode", "keyword", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal("beir", root.GetProperty("kind").GetString());
        Assert.Equal("keyword", root.GetProperty("mode").GetString());
        Assert.Equal(1.0, root.GetProperty("ranking").GetProperty("ndcgAt10").GetDouble());
        Assert.Equal(4, root.GetProperty("latency").GetProperty("count").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("ask").ValueKind);
    }

    [Fact]
    public async Task EvalBeir_Compare_PrintsBothSides()
    {
        var json = await RunAsync("eval", "beir", EvaluationFixtures.BeirFolder, "--mode", "keyword", "--compare", "titleWeight=2,titleWeight=0+proximityWeight=0", "--json");
        var table = await RunAsync("eval", "beir", EvaluationFixtures.BeirFolder, "--mode", "keyword", "--compare", "titleWeight=2,titleWeight=0+proximityWeight=0");

        Assert.Equal(0, json.ExitCode);
        using var document = JsonDocument.Parse(json.Output);
        var runs = document.RootElement.GetProperty("runs").EnumerateArray().ToArray();
        Assert.Equal(["titleWeight=2", "titleWeight=0+proximityWeight=0"], runs.Select(r => r.GetProperty("settings").GetString()));
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("change", table.Output, StringComparison.Ordinal);
        Assert.Contains("A: titleWeight=2", table.Output, StringComparison.Ordinal);
        Assert.Contains("B: titleWeight=0+proximityWeight=0", table.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--compare", "mode=keyword", "error: --compare takes two settings separated by a comma")]
    [InlineData("--set", "colour=blue", "error: unknown setting 'colour'")]
    [InlineData("--mode", "fuzzy", "error: unknown search mode 'fuzzy'")]
    [InlineData("--set", "titleWeight=-2", "error: DocRag:Retrieval:TitleWeight must be between 0 and 1000")]
    [InlineData("--split", "dev", "error: BEIR file not found")]
    public async Task EvalBeir_BadOption_FailsWithOneLine(string option, string value, string message)
    {
        var result = await RunAsync("eval", "beir", EvaluationFixtures.BeirFolder, option, value);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(message, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public async Task EvalBeir_HybridWithoutModel_SaysWhatIsMissing()
    {
        var result = await RunAsync("eval", "beir", EvaluationFixtures.BeirFolder, "--mode", "hybrid");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: mode hybrid needs an embedding model", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalBeir_HybridWithModel_RunsHybrid()
    {
        EmbeddingModelFolderWriter.Write(_data.Combine("models", "tiny"), new EmbeddingFolderSpec());

        var result = await RunAsync("eval", "beir", EvaluationFixtures.BeirFolder, "--mode", "hybrid", "--set", "Embedding:ExecutionProvider=cpu", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("hybrid", json.RootElement.GetProperty("mode").GetString());
        Assert.StartsWith("tiny@", json.RootElement.GetProperty("embeddingModel").GetString(), StringComparison.Ordinal);
    }

    public void Dispose() => _data.Dispose();

    private Task<CliRun> RunAsync(params string[] args) =>
        CliRun.RunAsync(["--data", _data.Path, "--models", _data.Combine("models"), .. args]);
}
