namespace DocRag.Core.Ingestion.Sync;

/// <summary>The process-wide, thread-safe indexing status (one instance per host).</summary>
public sealed class IndexingStatusTracker
{
    private readonly Lock _lock = new();
    private IndexingStatus _status = new(IndexingStatus.Idle, null, null, null, null);
    private int _running;

    public IndexingStatus Current
    {
        get
        {
            lock (_lock)
            {
                return _status;
            }
        }
    }

    internal void Started(IndexingProgress progress)
    {
        lock (_lock)
        {
            _running++;
            _status = _status with { State = IndexingStatus.Indexing, Progress = progress };
        }
    }

    internal void Report(IndexingProgress progress)
    {
        lock (_lock)
        {
            _status = _status with { Progress = progress };
        }
    }

    internal void Finished(SyncReport? report, string? error)
    {
        lock (_lock)
        {
            _running--;
            _status = new IndexingStatus(
                _running > 0 ? IndexingStatus.Indexing : IndexingStatus.Idle,
                _running > 0 ? _status.Progress : null,
                report ?? _status.LastRun,
                DateTimeOffset.UtcNow,
                error);
        }
    }
}
