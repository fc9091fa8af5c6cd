using System.Diagnostics;
using DocRag.TestSupport;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace DocRag.Cli.Tests.Commands;

/// <summary>
/// The built <c>docrag index</c> process killed with SIGKILL at random points, repeatedly: the index file stays sound,
/// no document is half-written, and a re-run converges to exactly what a clean run produces.
/// </summary>
public sealed class IndexKillTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(3);
    private readonly TempDirectory _docs = new("docrag-kill-docs");
    private readonly TempDirectory _data = new("docrag-kill-data");
    private readonly TempDirectory _clean = new("docrag-kill-clean");

    [Fact]
    public async Task Index_KilledAtRandomPoints_StaysSoundAndConvergesToACleanRun()
    {
        KillTestCorpus.Write(_docs, files: 400);
        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var killedMidway = 0;
        for (var round = 0; round < 4; round++)
        {
            using var process = StartIndex(_data.Path);
            var delay = random.Next(150, 2500);
            var exited = process.WaitForExit(delay);
            if (!exited)
            {
                process.Kill(entireProcessTree: true); // SIGKILL: no chance to clean up
                killedMidway++;
            }

            Assert.True(process.WaitForExit((int)RunLimit.TotalMilliseconds));
            output.WriteLine($"round {round}: {(exited ? "finished" : $"killed after {delay} ms")}, {await IndexDatabase.CountAsync(_data.Path, "SELECT count(*) FROM documents")} documents");
            await IndexDatabase.AssertSoundAsync(_data.Path);
            if (exited)
            {
                KillTestCorpus.Write(_docs, files: 400, variant: round + 1); // finished too soon: give the next round new work
            }
        }

        await RunToCompletionAsync(_data.Path);
        await RunToCompletionAsync(_clean.Path);

        Assert.True(killedMidway > 0, "at least one round should have been killed mid-run");
        await IndexDatabase.AssertSoundAsync(_data.Path);
        Assert.Equal(await IndexDatabase.SnapshotAsync(_clean.Path), await IndexDatabase.SnapshotAsync(_data.Path));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _docs.Dispose();
        _data.Dispose();
        _clean.Dispose();
    }

    private Process StartIndex(string data)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var info = new ProcessStartInfo(dotnet, [Path.Combine(AppContext.BaseDirectory, "docrag.dll"), "--data", data, "index", _docs.Path, "--collection", "docs"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["DocRag__Ingestion__MaxParallelism"] = "2";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task RunToCompletionAsync(string data)
    {
        using var process = StartIndex(data);
        await process.WaitForExitAsync().WaitAsync(RunLimit);
        Assert.Equal(0, process.ExitCode);
    }
}
