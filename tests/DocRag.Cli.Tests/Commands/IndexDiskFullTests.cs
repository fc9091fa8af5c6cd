using System.Diagnostics;
using DocRag.TestSupport;
using Microsoft.Data.Sqlite;

namespace DocRag.Cli.Tests.Commands;

/// <summary>
/// <c>docrag index</c> when the index has no room (capped with <c>DocRag:Storage:MaxDatabaseMegabytes</c>, SQLite's real
/// SQLITE_FULL): exit 1 with one "error: disk full: …" line, a sound index, and a run with room indexes the rest.
/// </summary>
public sealed class IndexDiskFullTests : IDisposable
{
    private const int Files = 200;
    private readonly TempDirectory _docs = new("docrag-index-full-docs");
    private readonly TempDirectory _data = new("docrag-index-full-data");

    [Fact]
    public async Task Index_DiskFull_FailsWithOneClearLineAndResumesWithRoom()
    {
        KillTestCorpus.Write(_docs, Files);

        var (full, error) = await RunIndexAsync(megabytes: 1);
        Assert.Equal(1, full);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: disk full: the index ", line, StringComparison.Ordinal);
        await IndexDatabase.AssertSoundAsync(_data.Path);
        var fitted = await IndexDatabase.CountAsync(_data.Path, "SELECT count(*) FROM documents");
        Assert.InRange(fitted, 1, Files - 1);

        var (roomy, _) = await RunIndexAsync(megabytes: 64);
        Assert.Equal(0, roomy);
        await IndexDatabase.AssertSoundAsync(_data.Path);
        Assert.Equal((long)Files, await IndexDatabase.CountAsync(_data.Path, "SELECT count(*) FROM documents WHERE status = 'indexed'"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _docs.Dispose();
        _data.Dispose();
    }

    private async Task<(int ExitCode, string Error)> RunIndexAsync(int megabytes)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var info = new ProcessStartInfo(dotnet, [Path.Combine(AppContext.BaseDirectory, "docrag.dll"), "--data", _data.Path, "index", _docs.Path, "--collection", "docs"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["DocRag__Storage__MaxDatabaseMegabytes"] = megabytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await output;
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, error);
    }
}
