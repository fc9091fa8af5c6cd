using Microsoft.Extensions.Logging;

namespace DocRag.Core.Ingestion.Sync;

/// <summary>
/// Keeps one folder's collection in step while running: a sync at start, then one after each burst of file events
/// once the folder has been quiet for the debounce time (partial writes settle), and a full rescan now and then in
/// case events were lost. Temp and hidden files do not trigger anything.
/// </summary>
public sealed class FolderWatcher : IDisposable
{
    private readonly FolderSync _sync;
    private readonly IngestionOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _signal = new(0, 1);
    private long _lastEventTicks;

    public FolderWatcher(FolderSync sync, IngestionOptions options, ILogger logger, string folder, string? collection = null)
    {
        _sync = sync ?? throw new ArgumentNullException(nameof(sync));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        Folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        Collection = string.IsNullOrWhiteSpace(collection) ? CollectionNames.FromFolder(Folder) : collection;
    }

    public string Folder { get; }

    public string Collection { get; }

    /// <summary>Raised after each sync the watcher runs.</summary>
    public event EventHandler<SyncReport>? Synced;

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Folder);
        using var watcher = new FileSystemWatcher(Folder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            InternalBufferSize = 64 * 1024,
        };
        watcher.Changed += OnEvent;
        watcher.Created += OnEvent;
        watcher.Deleted += OnEvent;
        watcher.Renamed += OnEvent;
        watcher.Error += (_, _) => Signal(); // buffer overflow: a rescan catches up
        watcher.EnableRaisingEvents = true;
        Log.Watching(_logger, Folder, Collection);

        try
        {
            await WatchAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped.
        }
    }

    public void Dispose() => _signal.Dispose();

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        await SyncOnceAsync(cancellationToken).ConfigureAwait(false);
        while (!cancellationToken.IsCancellationRequested)
        {
            await _signal.WaitAsync(TimeSpan.FromSeconds(_options.WatchRescanSeconds), cancellationToken).ConfigureAwait(false);
            long seen;
            do
            {
                seen = Interlocked.Read(ref _lastEventTicks);
                await Task.Delay(_options.WatchDebounceMilliseconds, cancellationToken).ConfigureAwait(false);
            }
            while (Interlocked.Read(ref _lastEventTicks) != seen);

            await SyncOnceAsync(cancellationToken).ConfigureAwait(false);
        }
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
