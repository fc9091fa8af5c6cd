using DocRag.TestSupport;
using Microsoft.Data.Sqlite;

namespace DocRag.Cli.Tests.Commands;

/// <summary>
/// A cleanly closed index on read-only media (a real read-only bind mount): SQLite cannot create the WAL index file it
/// needs even to read, so DocRag opens the file immutable and read-only: <c>docrag search</c> works, and
/// <c>docrag index</c> fails with one clear "read-only" line, leaving the file as it was.
/// </summary>
public sealed class ReadOnlyMediaTests : IDisposable
{
    private readonly TempDirectory _docs = new("docrag-rom-docs");
    private readonly TempDirectory _data = new("docrag-rom-data");
    private readonly TempDirectory _view = new("docrag-rom-view");
    private bool _mounted;

    [MountFact]
    public async Task Commands_CleanIndexOnReadOnlyMount_SearchWorksIndexingFailsClearly()
    {
        for (var i = 0; i < 5; i++)
        {
            _docs.WriteText($"n{i}.md", $"# Note {i}\n\nThe river and the bridge, token{i}q.\n");
        }

        var indexed = await CliRun.RunAsync("--data", _data.Path, "index", _docs.Path, "--collection", "notes");
        Assert.Equal(0, indexed.ExitCode);
        SqliteConnection.ClearAllPools(); // closed cleanly: no -wal file left
        Assert.False(File.Exists(IndexDatabase.PathIn(_data.Path) + "-wal"));
        _mounted = TestMounts.TryBind(_data.Path, _view.Path);
        Assert.True(_mounted && TestMounts.TryRemountBind(_view.Path, readOnly: true));

        var search = await CliRun.RunAsync("--data", _view.Path, "search", "token3q");
        Assert.Equal(0, search.ExitCode);
        Assert.Contains("n3.md", search.Output, StringComparison.Ordinal);

        _docs.WriteText("n5.md", "# Note 5\n\nA new note.\n");
        var again = await CliRun.RunAsync("--data", _view.Path, "index", _docs.Path, "--collection", "notes");
        Assert.Equal(1, again.ExitCode);
        Assert.Matches("^error: the index .* is read-only", Assert.Single(again.ErrorLines));

        SqliteConnection.ClearAllPools();
        await IndexDatabase.AssertSoundAsync(_data.Path);
        Assert.Equal(5L, await IndexDatabase.CountAsync(_data.Path, "SELECT count(*) FROM documents"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (_mounted)
        {
            TestMounts.Unmount(_view.Path);
        }

        _view.Dispose();
        _docs.Dispose();
        _data.Dispose();
    }
}
