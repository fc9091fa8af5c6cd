using System.Collections.Concurrent;
using DocRag.Core.Ingestion;
using DocRag.Core.Ingestion.Sync;
using DocRag.Core.Storage;
using DocRag.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace DocRag.Core.Tests.Ingestion.Sync;

/// <summary>
/// The watcher survives its folder being replaced, deleted and recreated, or moved away and back (issue 16, cases 3
/// and 9): inotify watches the old folder's inode, so without the folder check none of these is ever seen until the
/// 10-minute rescan (set to an hour here, so only the check can pass these tests).
/// </summary>
public sealed class FolderWatcherRootTests : IDisposable
{
    private static readonly TimeSpan Patience = Polling.Limit;
    private readonly TempDirectory _parent = new("docrag-watch-root");
    private readonly SyncHarness _index = new(new IngestionOptions
    {
        WatchDebounceMilliseconds = 100, WatchRootCheckMilliseconds = 100, WatchRescanSeconds = 3600, WatchPollSeconds = 1, MaxParallelism = 2,
    });

    private string Root => _parent.Combine("wroot");

    [Fact]
    public async Task RunAsync_FolderReplaced_WatchesTheNewFolder()
    {
        await using var watching = await StartAsync();

        Directory.Move(Root, _parent.Combine("wroot.old"));
        Directory.CreateDirectory(Root);
        File.WriteAllText(Path.Combine(Root, "new.md"), "# New\n\nThe replacement folder's file.");

        await Polling.UntilAsync(PathsAsync, paths => paths is ["new.md"], "the index holding new.md");
        File.WriteAllText(Path.Combine(Root, "later.md"), "# Later\n\nWritten after the watch moved to the new folder.");
        await Polling.UntilAsync(PathsAsync, paths => paths is ["later.md", "new.md"], "the index holding later.md, new.md");
    }

    [Fact]
    public async Task RunAsync_FolderDeletedThenRecreated_KeepsDocumentsWhileGoneThenSyncsTheNewOne()
    {
        await using var watching = await StartAsync();

        Directory.Delete(Root, recursive: true);
        await Polling.UntilAsync(() => Task.FromResult(watching.Watcher.FolderPresent), present => !present, "the watcher seeing its folder gone");
        Assert.Equal(["a.md", "b.md"], await PathsAsync()); // gone (or unmounted) is not empty: nothing is dropped meanwhile

        Directory.CreateDirectory(Root);
        File.WriteAllText(Path.Combine(Root, "c.md"), "# C\n\nMade in the recreated folder.");
        await Polling.UntilAsync(PathsAsync, paths => paths is ["c.md"], "the index holding c.md");
        Assert.True(watching.Watcher.FolderPresent);
        File.WriteAllText(Path.Combine(Root, "d.md"), "# D\n\nAn event in the recreated folder.");
        await Polling.UntilAsync(PathsAsync, paths => paths is ["c.md", "d.md"], "the index holding c.md, d.md");
    }

    [Fact]
    public async Task RunAsync_FolderMovedAwayAndBack_SeesWhatChangedMeanwhile()
    {
        await using var watching = await StartAsync();
        var away = _parent.Combine("away");

        Directory.Move(Root, away);
        await Polling.UntilAsync(() => Task.FromResult(watching.Watcher.FolderPresent), present => !present, "the watcher seeing its folder gone");
        File.WriteAllText(Path.Combine(away, "c.md"), "# C\n\nWritten while the folder was elsewhere.");
        File.Delete(Path.Combine(away, "a.md"));
        Directory.Move(away, Root);

        await Polling.UntilAsync(PathsAsync, paths => paths is ["b.md", "c.md"], "the index holding b.md, c.md");
    }

    [Fact]
    public async Task RunAsync_WatchRefusedAtTheInotifyLimit_PollsAndSaysSo()
    {
        var attempts = 0;
        await using var watching = await StartAsync(_ =>
        {
            Interlocked.Increment(ref attempts);
            // What .NET throws when inotify_init fails with EMFILE (fs.inotify.max_user_instances reached).
            throw new IOException("The configured user limit (128) on the number of inotify instances has been reached, or the per-process limit on the number of open file descriptors has been reached.", 24);
        });

        Assert.True(watching.Watcher.Polling);
        File.WriteAllText(Path.Combine(Root, "c.md"), "# C\n\nFound by polling, without any file event.");
        await Polling.UntilAsync(PathsAsync, paths => paths is ["a.md", "b.md", "c.md"], "the index holding a.md, b.md, c.md");
        Assert.True(Volatile.Read(ref attempts) >= 2, "each poll tries to watch again");
        Assert.True(watching.Watcher.Polling);
    }

    public void Dispose()
    {
        _index.Dispose();
        _parent.Dispose();
    }

    private async Task<Watching> StartAsync(Func<string, FileSystemWatcher>? factory = null)
    {
        Directory.CreateDirectory(Root);
        File.WriteAllText(Path.Combine(Root, "a.md"), "# A\n\nFirst.");
        File.WriteAllText(Path.Combine(Root, "b.md"), "# B\n\nSecond.");
        var sync = _index.CreateSync();
        var watcher = new FolderWatcher(sync, _index.Options, NullLogger.Instance, Root, "wroot", factory);
        var first = new TaskCompletionSource();
        watcher.Synced += (_, _) => first.TrySetResult();
        var stop = new CancellationTokenSource();
        var running = Task.Run(() => watcher.RunAsync(stop.Token));
        await first.Task.WaitAsync(Patience);
        return new Watching(watcher, sync, stop, running);
    }

    private async Task<string[]> PathsAsync() =>
        [.. (await _index.Store.ListDocumentsAsync(new DocumentQuery(Limit: 100))).Items.Select(d => Path.GetRelativePath(Root, d.Path)).Order(StringComparer.Ordinal)];

    private sealed record Watching(FolderWatcher Watcher, FolderSync Sync, CancellationTokenSource Stop, Task Running) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Stop.CancelAsync();
            await Running.WaitAsync(Patience);
            Watcher.Dispose();
            Sync.Dispose();
            Stop.Dispose();
        }
    }
}
