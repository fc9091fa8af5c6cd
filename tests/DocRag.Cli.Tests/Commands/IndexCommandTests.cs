using DocRag.TestSupport;

namespace DocRag.Cli.Tests.Commands;

public sealed class IndexCommandTests : IDisposable
{
    private readonly TempDirectory _data = new("docrag-cli-data");
    private readonly TempDirectory _docs = new("docrag-cli-docs");

    [Fact]
    public async Task Index_Folder_IndexesAndReRunSkipsUnchanged()
    {
        _docs.WriteText("a.md", "# A\n\nAlpha text.");
        _docs.WriteText("b.txt", "Beta text.");

        var first = await CliRunner.RunAsync("--data", _data.Path, "index", _docs.Path, "--collection", "team");
        var second = await CliRunner.RunAsync("--data", _data.Path, "index", _docs.Path, "--collection", "team");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("collection 'team'", first.Output);
        Assert.Contains("2 added", first.Output);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("0 added", second.Output);
        Assert.Contains("2 unchanged", second.Output);
        Assert.True(File.Exists(Path.Combine(_data.Path, "docrag.db")));
    }

    [Fact]
    public async Task Index_MissingFolder_FailsWithOneClearLine()
    {
        var result = await CliRunner.RunAsync("--data", _data.Path, "index", _docs.Combine("nope"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal($"error: folder not found: {_docs.Combine("nope")}", result.Error.Trim());
    }

    public void Dispose()
    {
        _data.Dispose();
        _docs.Dispose();
    }
}
