using DocRag.TestSupport;

namespace DocRag.Cli.Tests.Commands;

/// <summary>Settings from the environment; not run in parallel with other tests because it sets a process variable.</summary>
[Collection(ProcessEnvironmentGroup.Name)]
public sealed class IndexCommandConfigurationTests : IDisposable
{
    private readonly TempDirectory _data = new("docrag-cli-data");
    private readonly TempDirectory _docs = new("docrag-cli-docs");

    [Fact]
    public async Task Index_InvalidOption_FailsNamingTheSetting()
    {
        _docs.WriteText("a.md", "x");
        Environment.SetEnvironmentVariable("DocRag__Ingestion__ChunkTokens", "2");
        try
        {
            var result = await CliRunner.RunAsync("--data", _data.Path, "index", _docs.Path);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("ChunkTokens", result.Error);
            Assert.Single(result.Error.Trim().Split('\n'));
        }
        finally
        {
            Environment.SetEnvironmentVariable("DocRag__Ingestion__ChunkTokens", null);
        }
    }

    public void Dispose()
    {
        _data.Dispose();
        _docs.Dispose();
    }
}
