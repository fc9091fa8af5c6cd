using System.Text.Json;
using DocRag.TestSupport;

namespace DocRag.Cli.Tests.Commands;

/// <summary><c>docrag search</c> over an index built by <c>docrag index</c> in a temp data folder (no embedding model).</summary>
public sealed class SearchCommandTests : IDisposable
{
    private readonly TempDirectory _data = new("docrag-cli-data");
    private readonly TempDirectory _docs = new("docrag-cli-docs");

    public SearchCommandTests()
    {
        _docs.WriteText("penguins.md", "# Penguins\n\nEmperor penguins breed during the Antarctic winter.");
        _docs.WriteText("install.txt", "Run the installer, then choose a data folder for the index.");
    }

    [Fact]
    public async Task Search_Json_HasTheApiShape()
    {
        Assert.Equal(0, (await CliRunner.RunAsync("--data", _data.Path, "index", _docs.Path, "-c", "notes")).ExitCode);

        var (exit, output, error) = await CliRunner.RunAsync("--data", _data.Path, "search", "breeding penguin", "--json", "--top", "5");

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal("keyword", root.GetProperty("mode").GetString());
        var hit = Assert.Single(root.GetProperty("hits").EnumerateArray());
        Assert.EndsWith("penguins.md", hit.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.Equal(("notes", "Penguins", 1), (hit.GetProperty("collection").GetString(), hit.GetProperty("heading").GetString(), hit.GetProperty("keywordRank").GetInt32()));
    }

    [Fact]
    public async Task Search_Table_ShowsDocumentAndSnippet()
    {
        await CliRunner.RunAsync("--data", _data.Path, "index", _docs.Path);

        var (exit, output, _) = await CliRunner.RunAsync("--data", _data.Path, "search", "installer", "--collection", Path.GetFileName(_docs.Path));

        Assert.Equal(0, exit);
        Assert.Contains("1 hit(s), keyword", output, StringComparison.Ordinal);
        Assert.Contains("install.txt", output, StringComparison.Ordinal);
        Assert.Contains("Run the installer", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_VectorModeWithoutModel_OneErrorLineAndExit1()
    {
        await CliRunner.RunAsync("--data", _data.Path, "index", _docs.Path);

        var (exit, output, error) = await CliRunner.RunAsync("--data", _data.Path, "--models", _data.Combine("no-models"), "search", "penguins", "--mode", "vector");

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: vector search is not available: no embedding model", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--top", "0")]
    [InlineData("--mode", "fuzzy")]
    public async Task Search_BadOption_NonZeroExit(string option, string value)
    {
        var (exit, _, error) = await CliRunner.RunAsync("--data", _data.Path, "search", "penguins", option, value);

        Assert.NotEqual(0, exit);
        Assert.NotEqual("", error);
    }

    public void Dispose()
    {
        _data.Dispose();
        _docs.Dispose();
    }
}
