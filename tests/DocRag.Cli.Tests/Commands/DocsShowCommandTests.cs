using System.Text.Json;
using DocRag.TestSupport;

namespace DocRag.Cli.Tests.Commands;

public sealed class DocsShowCommandTests : IDisposable
{
    private readonly TempDirectory _data = new("docrag-cli-data");
    private readonly TempDirectory _docs = new("docrag-cli-docs");

    [Fact]
    public async Task DocsShow_Id_PrintsDocumentAndChunks()
    {
        _docs.WriteText("guide.md", "# Guide\n\nInstall it.\n\n## Use\n\nRun it.");
        await CliRunner.RunAsync("--data", _data.Path, "index", _docs.Path);
        var list = await CliRunner.RunAsync("--data", _data.Path, "docs", "list", "--json");
        var id = JsonDocument.Parse(list.Output).RootElement[0].GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var text = await CliRunner.RunAsync("--data", _data.Path, "docs", "show", id);
        var json = await CliRunner.RunAsync("--data", _data.Path, "docs", "show", id, "--json");

        Assert.Equal(0, text.ExitCode);
        Assert.Contains("status:     indexed", text.Output);
        Assert.Contains("Guide > Use", text.Output);
        var root = JsonDocument.Parse(json.Output).RootElement;
        Assert.Equal("Guide", root.GetProperty("document").GetProperty("title").GetString());
        Assert.Equal(2, root.GetProperty("chunks").GetArrayLength());
    }

    [Theory]
    [InlineData("999")]
    [InlineData("abc")]
    public async Task DocsShow_UnknownOrInvalidId_FailsWithOneLine(string id)
    {
        var result = await CliRunner.RunAsync("--data", _data.Path, "docs", "show", id);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    public void Dispose()
    {
        _data.Dispose();
        _docs.Dispose();
    }
}
