using System.Diagnostics;
using System.Text;
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
        WriteCorpus(_docs, files: 400);
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
            output.WriteLine($"round {round}: {(exited ? "finished" : $"killed after {delay} ms")}, {(File.Exists(Path.Combine(_data.Path, "docrag.db")) ? await CountAsync(_data.Path, "SELECT count(*) FROM documents") : 0)} documents");
            await AssertSoundAsync(_data.Path);
            if (exited)
            {
                WriteCorpus(_docs, files: 400, variant: round + 1); // finished too soon: give the next round new work
            }
        }

        await RunToCompletionAsync(_data.Path);
        await RunToCompletionAsync(_clean.Path);

        Assert.True(killedMidway > 0, "at least one round should have been killed mid-run");
        await AssertSoundAsync(_data.Path);
        Assert.Equal(await SnapshotAsync(_clean.Path), await SnapshotAsync(_data.Path));
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

    private static void WriteCorpus(TempDirectory folder, int files, int variant = 0)
    {
        for (var i = 0; i < files; i++)
        {
            var sb = new StringBuilder($"# Document {i}\n\n");
            for (var s = 0; s < 5 + (i % 7); s++)
            {
                sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"## Section {s}\n\nParagraph {s} of file {i} variant {(i % 5 == 0 ? variant : 0)} talks about topic {(i * 31 + s) % 97} and item {s * i}. ");
                sb.Append(string.Join(' ', Enumerable.Range(0, 30 + (i % 11)).Select(w => $"word{(w * i + s) % 211}"))).Append(".\n\n");
            }

            folder.WriteText($"group{i % 9}/file{i:D4}.md", sb.ToString());
        }
    }

    private static async Task AssertSoundAsync(string data)
    {
        var database = Path.Combine(data, "docrag.db");
        if (!File.Exists(database))
        {
            return; // killed before the index was created
        }

        Assert.Equal("ok", await ScalarAsync(data, "PRAGMA integrity_check"));
        // No half-indexed document: each row's chunk count matches its chunks, and every chunk has its FTS row.
        Assert.Equal(0L, await CountAsync(data, "SELECT count(*) FROM documents d WHERE d.chunk_count <> (SELECT count(*) FROM chunks c WHERE c.document_id = d.id)"));
        Assert.Equal(await CountAsync(data, "SELECT count(*) FROM chunks"), await CountAsync(data, "SELECT count(*) FROM chunks_fts"));
    }

    private static async Task<string> SnapshotAsync(string data)
    {
        await using var connection = Open(data);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT d.path, d.collection, d.status, coalesce(d.error, ''), d.sha256, d.chunk_count, coalesce(d.title, ''),
                   c.ordinal, c.heading, c.page_start, c.page_end, c.char_start, c.char_end, c.token_count, c.text
            FROM documents d LEFT JOIN chunks c ON c.document_id = d.id ORDER BY d.path, c.ordinal
            """;
        var sb = new StringBuilder();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                sb.Append(reader.IsDBNull(i) ? "-" : reader.GetValue(i)).Append('|');
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static async Task<long> CountAsync(string data, string sql) => Convert.ToInt64(await ScalarAsync(data, sql), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<object?> ScalarAsync(string data, string sql)
    {
        await using var connection = Open(data);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static SqliteConnection Open(string data) =>
        new(new SqliteConnectionStringBuilder { DataSource = Path.Combine(data, "docrag.db"), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
}
