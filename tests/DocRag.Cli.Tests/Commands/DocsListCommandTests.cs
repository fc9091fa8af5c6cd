using System.Text.Json;
using DocRag.TestSupport;

namespace DocRag.Cli.Tests.Commands;

public sealed class DocsListCommandTests : IDisposable
{
    private readonly TempDirectory _data = new("docrag-cli-data");
    private readonly TempDirectory _docs = new("docrag-cli-docs");

    [Fact]
    public async Task DocsList_Json_ListsPathCollectionStatusErrorAndChunkCount()
    {
        _docs.WriteText("good.md", "# Good\n\nSome words.");
        _docs.WriteText("bad.pdf", "not a pdf");
        Assert.Equal(0, (await CliRunner.RunAsync("--data", _data.Path, "index", _docs.Path, "-c", "mine")).ExitCode);

        var all = await CliRunner.RunAsync("--data", _data.Path, "docs", "list", "--json");
        var failed = await CliRunner.RunAsync("--data", _data.Path, "docs", "list", "--status", "failed", "--json");

        Assert.Equal(0, all.ExitCode);
        var items = JsonDocument.Parse(all.Output).RootElement.EnumerateArray().ToArray();
        Assert.Equal(2, items.Length);
        var good = items.Single(i => i.GetProperty("path").GetString()!.EndsWith("good.md", StringComparison.Ordinal));
        Assert.Equal(("mine", "indexed", JsonValueKind.Null, 1), (good.GetProperty("collection").GetString(), good.GetProperty("status").GetString(), good.GetProperty("error").ValueKind, good.GetProperty("chunkCount").GetInt32()));
        var bad = Assert.Single(JsonDocument.Parse(failed.Output).RootElement.EnumerateArray());
        Assert.Equal(("failed", "damaged", 0), (bad.GetProperty("status").GetString(), bad.GetProperty("error").GetString(), bad.GetProperty("chunkCount").GetInt32()));
    }

    [Fact]
    public async Task DocsList_Table_ShowsErrorsAndUnknownStatusIsRejected()
    {
        _docs.WriteText("bad.pdf", "not a pdf");
        await CliRunner.RunAsync("--data", _data.Path, "index", _docs.Path);

        var table = await CliRunner.RunAsync("--data", _data.Path, "docs", "list");
        var wrong = await CliRunner.RunAsync("--data", _data.Path, "docs", "list", "--status", "broken");

        Assert.Contains("[damaged:", table.Output);
        Assert.NotEqual(0, wrong.ExitCode);
    }

    public void Dispose()
    {
        _data.Dispose();
        _docs.Dispose();
    }
}
