using System.Collections.Concurrent;
using DocRag.Core.Ingestion;
using DocRag.Core.Ingestion.Sync;
using DocRag.Core.Storage;
using DocRag.Core.Text;
using DocRag.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace DocRag.Core.Tests.Ingestion.Sync;

public sealed class FolderWatcherTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _folder = new("docrag-watch");
    private readonly SyncHarness _index = new(new IngestionOptions { WatchDebounceMilliseconds = 200, MaxParallelism = 2 });

    [Fact]
    public async Task RunAsync_FileEvents_KeepTheCollectionInStep()
    {
        _folder.WriteText("start.md", "# Start\n\nInitial content.");
        using var sync = _index.CreateSync();
        using var watcher = new FolderWatcher(sync, _index.Options, NullLogger.Instance, _folder.Path, "watched");
        var reports = new BlockingCollection<SyncReport>();
        watcher.Synced += (_, report) => reports.Add(report);
        using var stop = new CancellationTokenSource();
        var running = Task.Run(() => watcher.RunAsync(stop.Token));

        Assert.Equal(1, Next(reports).Added);

        _folder.WriteText("added.txt", "Walruses gather on the ice.");
        await WaitForAsync(reports, async () => (await _index.Store.FullTextSearchAsync(new FullTextQuery(Analysed("walruses")))).Count == 1);

        File.Move(_folder.Combine("added.txt"), _folder.Combine("renamed.txt"));
        await WaitForAsync(reports, async () => await _index.Store.GetDocumentByPathAsync(_folder.Combine("renamed.txt")) is not null);

        File.Delete(_folder.Combine("start.md"));
        await WaitForAsync(reports, async () => (await _index.Store.GetStatisticsAsync()).Documents == 1);

        await stop.CancelAsync();
        await running.WaitAsync(Patience);
        Assert.Equal("ok", await _index.Store.CheckIntegrityAsync());
    }

    [Fact]
    public async Task RunAsync_SymlinkLoopsAndTwoHundredLevels_WatchesAndSeesChangesDeepDown()
    {
        var levels = new List<string>();
        var level = _folder.Path;
        for (var i = 1; i <= 200; i++)
        {
            level = Directory.CreateDirectory(Path.Combine(level, "d")).FullName;
            levels.Add(level);
        }

        File.WriteAllText(Path.Combine(levels[9], "ten.txt"), "Level ten of the deep tree.");
        Directory.CreateSymbolicLink(Path.Combine(levels[4], "loop"), _folder.Path);
        Directory.CreateSymbolicLink(Path.Combine(levels[199], "up"), levels[0]);
        using var sync = _index.CreateSync();
        using var watcher = new FolderWatcher(sync, _index.Options, NullLogger.Instance, _folder.Path, "deep");
        var reports = new BlockingCollection<SyncReport>();
        watcher.Synced += (_, report) => reports.Add(report);
        using var stop = new CancellationTokenSource();
        var running = Task.Run(() => watcher.RunAsync(stop.Token));

        Assert.Equal(1, Next(reports).Added);

        File.WriteAllText(Path.Combine(levels[39], "forty.txt"), "Walruses at level forty.");
        await WaitForAsync(reports, async () => (await _index.Store.FullTextSearchAsync(new FullTextQuery(Analysed("walruses")))).Count == 1);

        await stop.CancelAsync();
        await running.WaitAsync(Patience);
        var paths = (await _index.Store.ListDocumentsAsync(new DocumentQuery(Limit: 100))).Items.Select(d => d.Path).Order(StringComparer.Ordinal);
        Assert.Equal(new[] { Path.Combine(levels[9], "ten.txt"), Path.Combine(levels[39], "forty.txt") }.Order(StringComparer.Ordinal), paths);
        Assert.Equal("ok", await _index.Store.CheckIntegrityAsync());
    }

    public void Dispose()
    {
        _index.Dispose();
        _folder.Dispose();
    }

    private static SyncReport Next(BlockingCollection<SyncReport> reports) =>
        reports.TryTake(out var report, Patience) ? report : throw new TimeoutException("the watcher did not sync");

    // Waits for syncs until the index shows the change; a bound on waiting, not a timing assertion.
    private static async Task WaitForAsync(BlockingCollection<SyncReport> reports, Func<Task<bool>> condition)
    {
        while (!await condition())
        {
            Next(reports);
        }
    }

    // The index stores analysed terms (stems), so tests query through the same analysis as retrieval.
    private static string Analysed(string words) => SearchText.ForQuery(words)!.MatchAny;
}
