using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace DocRag.Core.Ingestion.Sync;

/// <summary>
/// Keeps one folder's collection in step while running: a sync at start, then one after each burst of file events
/// once the folder has been quiet for the debounce time (partial writes settle), and a full rescan now and then in
/// case events were lost. Temp and hidden files do not trigger anything.
/// <para>
/// The folder itself is checked every <see cref="IngestionOptions.WatchRootCheckMilliseconds"/>: when it is replaced
/// (moved away and another made in its place), deleted and recreated, or moved back, the watch is set up again on the
/// folder now at the path and the collection synced; while no folder is there the collection keeps its documents.
/// When the system refuses a watch (Linux's inotify instance limit, <c>fs.inotify.max_user_instances</c>, 128 by
/// default and shared by every program of the user), the folder is polled every <see cref="IngestionOptions.WatchPollSeconds"/>
/// instead, with a warning, and each poll tries to watch it again.
/// </para>
/// </summary>
public sealed class FolderWatcher : IDisposable
{
    private readonly FolderSync _sync;
    private readonly IngestionOptions _options;
    private readonly ILogger _logger;
    private readonly Func<string, FileSystemWatcher> _createWatcher;
    private readonly SemaphoreSlim _signal = new(0, 1);
    private FileSystemWatcher? _events;
    private (bool Exists, DateTime Created) _identity;
    private long _lastEventTicks;
    private volatile bool _polling;
    private volatile bool _present = true;

    /// <param name="watcherFactory">Makes the file system watcher of a folder (a test may throw what the system throws at its limit).</param>
    public FolderWatcher(
        FolderSync sync, IngestionOptions options, ILogger logger, string folder, string? collection = null, Func<string, FileSystemWatcher>? watcherFactory = null)
    {
        _sync = sync ?? throw new ArgumentNullException(nameof(sync));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _createWatcher = watcherFactory ?? (path => new FileSystemWatcher(path));
        Folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        Collection = string.IsNullOrWhiteSpace(collection) ? CollectionNames.FromFolder(Folder) : collection;
    }

    public string Folder { get; }

    public string Collection { get; }

    /// <summary>True while the folder is polled because the system refused to watch it (or lost events past a limit).</summary>
    public bool Polling => _polling;

    /// <summary>False while no folder exists at <see cref="Folder"/> (deleted or moved away).</summary>
    public bool FolderPresent => _present;

    /// <summary>Raised after each sync the watcher runs.</summary>
    public event EventHandler<SyncReport>? Synced;

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Folder);
        _identity = Identify();
        StartEvents();
        Log.Watching(_logger, Folder, Collection);
        try
        {
            await WatchAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped.
        }
        finally
        {
            StopEvents();
        }
    }

    public void Dispose()
    {
        StopEvents();
        _signal.Dispose();
    }

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        await SyncOnceAsync(cancellationToken).ConfigureAwait(false);
        var lastSync = Stopwatch.GetTimestamp();
        var check = TimeSpan.FromMilliseconds(_options.WatchRootCheckMilliseconds);
        while (!cancellationToken.IsCancellationRequested)
        {
            bool due;
            if (await _signal.WaitAsync(check, cancellationToken).ConfigureAwait(false))
            {
                long seen;
                do
                {
                    seen = Interlocked.Read(ref _lastEventTicks);
                    await Task.Delay(_options.WatchDebounceMilliseconds, cancellationToken).ConfigureAwait(false);
                }
                while (Interlocked.Read(ref _lastEventTicks) != seen);

                due = true;
            }
            else
            {
                due = Stopwatch.GetElapsedTime(lastSync) >= TimeSpan.FromSeconds(_options.WatchRescanSeconds);
                if (_polling && _present && Stopwatch.GetElapsedTime(lastSync) >= TimeSpan.FromSeconds(_options.WatchPollSeconds))
                {
                    StartEvents(); // the limit may have been raised, or other watchers closed
                    due = true;
                }
            }

            // After events too: writes into a replaced folder's old inode must not keep the check from running.
            due |= CheckFolder();

            if (due && _present)
            {
                await SyncOnceAsync(cancellationToken).ConfigureAwait(false);
                lastSync = Stopwatch.GetTimestamp();
            }
        }
    }

    /// <summary>Notices the folder gone, replaced or back; true when it should be synced now.</summary>
    private bool CheckFolder()
    {
        var identity = Identify();
        if (identity == _identity)
        {
            return false;
        }

        _identity = identity;
        if (!identity.Exists)
        {
            StopEvents(); // its watch follows the old folder wherever it went
            _present = false;
            Log.WatchedFolderGone(_logger, Folder, Collection);
            return false;
        }

        _present = true;
        Log.WatchedFolderReplaced(_logger, Folder, Collection);
        StartEvents();
        return true;
    }

    // Birth time tells a new folder at the same path from the old one (inotify watches an inode, not a path).
    private (bool Exists, DateTime Created) Identify()
    {
        try
        {
            return Directory.Exists(Folder) ? (true, Directory.GetCreationTimeUtc(Folder)) : (false, default);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (false, default);
        }
    }

    private void StartEvents()
    {
        StopEvents();
        FileSystemWatcher? watcher = null;
        try
        {
            watcher = _createWatcher(Folder);
            watcher.IncludeSubdirectories = true;
            watcher.NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size;
            watcher.InternalBufferSize = 64 * 1024;
            watcher.Changed += OnEvent;
            watcher.Created += OnEvent;
            watcher.Deleted += OnEvent;
            watcher.Renamed += OnEvent;
            watcher.Error += OnError;
            watcher.EnableRaisingEvents = true;
            _events = watcher;
            if (_polling)
            {
                _polling = false;
                Log.WatchResumed(_logger, Folder);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlatformNotSupportedException or ArgumentException)
        {
            watcher?.Dispose();
            FallBackToPolling(ex.Message);
        }
    }

    private void StopEvents()
    {
        var events = Interlocked.Exchange(ref _events, null);
        if (events is not null)
        {
            events.EnableRaisingEvents = false;
            events.Dispose();
        }
    }

    private void FallBackToPolling(string reason)
    {
        if (!_polling)
        {
            _polling = true;
            Log.WatchFallingBackToPolling(_logger, Folder, reason, _options.WatchPollSeconds);
        }
    }

    private void OnError(object sender, ErrorEventArgs e)
    {
        // A buffer overflow only lost events (the rescan catches up); another error (the inotify watch limit reached
        // while adding a sub-folder) leaves part of the tree unwatched, so polling covers it.
        if (e.GetException() is IOException io)
        {
            FallBackToPolling(io.Message);
        }

        Signal();
    }

    private void OnEvent(object sender, FileSystemEventArgs e)
    {
        var name = Path.GetFileName(e.FullPath);
        var oldName = e is RenamedEventArgs renamed ? Path.GetFileName(renamed.OldFullPath) : null;
        if (!SyncIgnoreRules.IsIgnoredFile(name) || (oldName is not null && !SyncIgnoreRules.IsIgnoredFile(oldName)))
        {
            Signal();
        }
    }

    private void Signal()
    {
        Interlocked.Exchange(ref _lastEventTicks, DateTime.UtcNow.Ticks);
        try
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
        catch (ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private async Task SyncOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var report = await _sync.SyncAsync(Folder, Collection, progress: null, cancellationToken).ConfigureAwait(false);
            Synced?.Invoke(this, report);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.WatchSyncFailed(_logger, Folder, ex);
        }
    }
}
