using System.Diagnostics;
using DocRag.TestSupport;
using Microsoft.Data.Sqlite;

namespace DocRag.Cli.Tests.Commands;

/// <summary>SIGTERM (what Ctrl-C's SIGINT also does) stops the built <c>docrag index</c> cleanly, and a re-run resumes.</summary>
public sealed class IndexInterruptTests : IDisposable
{
    private readonly TempDirectory _docs = new("docrag-int-docs");
    private readonly TempDirectory _data = new("docrag-int-data");

    [Fact]
    public async Task Index_Interrupted_StopsWithMessageAndReRunResumes()
    {
        for (var i = 0; i < 3000; i++)
        {
            _docs.WriteText($"d{i % 20}/n{i:D4}.md", $"# Note {i}\n\n" + string.Join(' ', Enumerable.Range(0, 200).Select(w => $"w{(w * i) % 997}")) + ".");
        }

        var (exit, _, error) = await RunAsync(interruptWhenIndexed: 50);
        var (rerun, output, _) = await RunAsync(interruptWhenIndexed: null);

        Assert.Equal(130, exit);
        Assert.Equal("stopped; run the same command again to resume", error.Trim());
        Assert.Equal(0, rerun);
        Assert.Matches(@" [1-9]\d* unchanged", output);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _docs.Dispose();
        _data.Dispose();
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(int? interruptWhenIndexed)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var info = new ProcessStartInfo(dotnet, [Path.Combine(AppContext.BaseDirectory, "docrag.dll"), "--data", _data.Path, "index", _docs.Path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (interruptWhenIndexed is { } count)
        {
            while (!process.HasExited && await IndexedAsync() < count)
            {
                await Task.Delay(20);
            }

            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill!.WaitForExitAsync();
        }

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, await output, await error);
    }

    private async Task<long> IndexedAsync()
    {
        var database = Path.Combine(_data.Path, "docrag.db");
        if (!File.Exists(database))
        {
            return 0;
        }

        try
        {
            await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM documents";
            return (long)(await command.ExecuteScalarAsync())!;
        }
        catch (SqliteException)
        {
            return 0; // the schema is still being created
        }
    }
}
