using System.Threading.Channels;
using DocRag.Core.Ingestion.Sync;

namespace DocRag.Server.Indexing;

/// <summary>
/// Syncs collections on request (<c>POST /v1/index/sync</c>, uploads) in the background, one at a time. A collection
/// already waiting is not queued twice (requests merge); one that is running is queued again, since the running sync
/// may have scanned its folder before the change. Runs share <see cref="FolderSync"/>'s one-at-a-time gate with the
/// folder watchers.
/// </summary>
public sealed class SyncScheduler(FolderSync sync, CollectionFolders folders, ILogger<SyncScheduler> logger) : BackgroundService
{
    private readonly Channel<string> _requests = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _lock = new();
    private readonly List<string> _queued = [];
    private readonly Dictionary<string, int> _pendingFiles = new(StringComparer.Ordinal);
    private string? _running;

    /// <summary>What is queued and running now, and how many uploaded files wait for a sync.</summary>
    public SyncSchedulerSnapshot Snapshot()
    {
        lock (_lock)
        {
            return new SyncSchedulerSnapshot(_running, [.. _queued], new Dictionary<string, int>(_pendingFiles, StringComparer.Ordinal));
        }
    }

    /// <summary>
    /// Queues a sync of <paramref name="collection"/> (merged with one already waiting). <paramref name="newFiles"/>
    /// counts uploaded files the sync will index; they are pending until a sync that started after this call ends.
    /// </summary>
    public void Enqueue(string collection, int newFiles = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(collection);
        lock (_lock)
        {
            if (newFiles > 0)
            {
                _pendingFiles[collection] = _pendingFiles.GetValueOrDefault(collection) + newFiles;
            }

            if (_queued.Contains(collection, StringComparer.Ordinal))
            {
                return;
            }

            _queued.Add(collection);
        }

        _requests.Writer.TryWrite(collection);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var collection in _requests.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            int taken;
            lock (_lock)
            {
                _queued.Remove(collection);
                _running = collection;
                taken = _pendingFiles.GetValueOrDefault(collection);
            }

            try
            {
                await RunAsync(collection, stoppingToken).ConfigureAwait(false);
            }
            finally
            {
                lock (_lock)
                {
                    _running = null;
                    var left = _pendingFiles.GetValueOrDefault(collection) - taken;
                    if (left > 0)
                    {
                        _pendingFiles[collection] = left;
                    }
                    else
                    {
                        _pendingFiles.Remove(collection);
                    }
                }
            }
        }
    }

    private async Task RunAsync(string collection, CancellationToken cancellationToken)
    {
        try
        {
            if (await folders.FindAsync(collection, cancellationToken).ConfigureAwait(false) is not { } folder)
            {
                Log.SyncSkipped(logger, collection);
                return;
            }

            await sync.SyncAsync(folder.Path, folder.Name, progress: null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // One collection's failure (a folder gone, a full disk) is recorded in the status and never stops the queue.
            Log.SyncFailed(logger, collection, ex);
        }
    }
}
