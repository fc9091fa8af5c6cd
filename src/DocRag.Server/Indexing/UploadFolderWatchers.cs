using DocRag.Core.Ingestion;
using DocRag.Core.Ingestion.Sync;
using Microsoft.Extensions.Options;

namespace DocRag.Server.Indexing;

/// <summary>
/// Watches the upload folders (<c>DATA/uploads/{collection}</c>) like the configured ones: those present at start, and
/// each one an upload creates while the server runs.
/// </summary>
public sealed class UploadFolderWatchers(
    FolderSync sync, CollectionFolders folders, IOptions<IngestionOptions> options, ILogger<UploadFolderWatchers> logger) : BackgroundService
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Task> _running = new(StringComparer.Ordinal);
    private CancellationToken _stopping = new(canceled: true);

    /// <summary>Starts watching <paramref name="folder"/> unless it is watched already (or the server is not running).</summary>
    public void Watch(CollectionFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        lock (_lock)
        {
            if (_stopping.IsCancellationRequested || _running.ContainsKey(folder.Path))
            {
                return;
            }

            _running[folder.Path] = RunAsync(folder, _stopping);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        lock (_lock)
        {
            _stopping = stoppingToken;
        }

        foreach (var folder in folders.ListUploadFolders().Where(f => !folders.Configured.Any(c => c.Name == f.Name)))
        {
            Watch(folder);
        }

        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: wait for the watchers below.
        }

        Task[] running;
        lock (_lock)
        {
            running = [.. _running.Values];
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    private async Task RunAsync(CollectionFolder folder, CancellationToken cancellationToken)
    {
        await Task.Yield();
        using var watcher = new FolderWatcher(sync, options.Value, logger, folder.Path, folder.Name);
        try
        {
            await watcher.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.WatchFailed(logger, folder.Name, ex);
        }
    }
}
