using System.Text.Json;
using DocRag.TestSupport;

namespace DocRag.Cli.Tests.Commands;

public sealed class AskCommandTests : IDisposable
{
    private readonly TempDirectory _data = new("docrag-cli-ask");
    private readonly TempDirectory _docs = new("docrag-cli-ask-docs");

    [Fact]
    public async Task Ask_NoGenerator_StreamsTheExtractiveAnswerThenTheSources()
    {
        await IndexAsync();

        var run = await CliRunner.RunAsync("--data", _data.Path, "ask", "How long does the warranty last?");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n');
        Assert.Equal("The warranty lasts two years from the date of purchase. [1]", lines[0]);
        Assert.Contains("Sources:", lines);
        Assert.Contains($"  [1] {Path.Combine(_docs.Path, "policies", "warranty.md")} (page 1, Warranty > Duration)", lines);
        Assert.Contains("(extractive answer: sentences quoted from the documents; no generator model is in use)", lines);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task Ask_Json_TheAnswerObject()
    {
        await IndexAsync();

        var run = await CliRunner.RunAsync("--data", _data.Path, "ask", "¿Cuándo abre la oficina?", "--json", "--collection", "docs");

        Assert.Equal(0, run.ExitCode);
        var answer = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(("extractive", "es", false), (answer.GetProperty("mode").GetString(), answer.GetProperty("language").GetString(), answer.GetProperty("noAnswer").GetBoolean()));
        var citation = Assert.Single(answer.GetProperty("citations").EnumerateArray());
        Assert.EndsWith("oficina.txt", citation.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Number, citation.GetProperty("documentId").ValueKind);
    }

    [Fact]
    public async Task Ask_NothingRelevant_SaysSoAndSucceeds()
    {
        await IndexAsync();

        var run = await CliRunner.RunAsync("--data", _data.Path, "ask", "zebra quantum chromodynamics", "--json");

        var answer = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(0, run.ExitCode);
        Assert.True(answer.GetProperty("noAnswer").GetBoolean());
        Assert.Equal("no-passages", answer.GetProperty("noAnswerReason").GetString());
    }

    [Theory]
    [InlineData("--mode", "generative")]
    [InlineData("--top", "0")]
    public async Task Ask_Refused_OneLineOnStderrAndNonZeroExit(string option, string value)
    {
        await IndexAsync();

        var run = await CliRunner.RunAsync("--data", _data.Path, "ask", "How long does the warranty last?", option, value);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    public void Dispose()
    {
        _data.Dispose();
        _docs.Dispose();
    }

    private async Task IndexAsync()
    {
        _docs.WriteText("policies/warranty.md", "# Warranty\n\n## Duration\n\nThe warranty lasts two years from the date of purchase. Returns are accepted within 30 days.");
        _docs.WriteText("policies/batteries.txt", "Batteries are covered for one year.");
        _docs.WriteText("docs/oficina.txt", "La oficina abre a las nueve y cierra a las cinco.");
        Assert.Equal(0, (await CliRunner.RunAsync("--data", _data.Path, "index", _docs.Combine("policies"), "-c", "policies")).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync("--data", _data.Path, "index", _docs.Combine("docs"), "-c", "docs")).ExitCode);
    }
}
