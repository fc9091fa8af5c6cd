using System.Diagnostics;

namespace DocRag.Core.Ingestion.Sync;

/// <summary>The counters and progress of one sync; progress is published at most every 100 ms (and at the end).</summary>
internal sealed class SyncRun(string collection, string root, IProgress<IndexingProgress>? progress, IndexingStatusTracker tracker)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _lock = new();
    private long _lastPublish = -1;
    private long _chunkClockStart;
    private int _done;
    private long _chunks;
    private string _phase = "scanning";
    private string? _current;

    public string Collection { get; } = collection;

    public string Root { get; } = root;

    public int Total { get; set; }

    public int Scanned { get; set; }

    public int Added { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public int Touched { get; set; }

    public int Moved { get; set; }

    public int Deleted { get; set; }

    public int Failed { get; set; }

    public long VectorsEmbedded { get; set; }

    public bool ModelChanged { get; set; }

    public long Chunks => Interlocked.Read(ref _chunks);

    public void Phase(string phase)
    {
        _phase = phase;
        if (phase == "indexing")
        {
            Interlocked.Exchange(ref _chunkClockStart, _clock.ElapsedTicks);
        }

        Publish(force: true);
    }

    public void Reading(string path)
    {
        _current = path;
        Publish(force: false);
    }

    public void FileDone(long chunks = 0)
    {
        Interlocked.Increment(ref _done);
        Interlocked.Add(ref _chunks, chunks);
        Publish(force: false);
    }

    public IndexingProgress Snapshot()
    {
        var seconds = (_clock.ElapsedTicks - Interlocked.Read(ref _chunkClockStart)) / (double)Stopwatch.Frequency;
        var chunks = Interlocked.Read(ref _chunks);
        return new IndexingProgress(Collection, _phase, Volatile.Read(ref _done), Total, chunks, seconds > 0 ? chunks / seconds : 0, _current);
    }

    public SyncReport Report() => new(
        Collection, Root, Scanned, Added, Updated, Unchanged, Touched, Moved, Deleted, Failed, Chunks, ModelChanged, VectorsEmbedded, _clock.Elapsed);

    public void Publish(bool force)
    {
        lock (_lock)
        {
            var now = _clock.ElapsedMilliseconds;
            if (!force && _lastPublish >= 0 && now - _lastPublish < 100)
            {
                return;
            }

            _lastPublish = now;
        }

        var snapshot = Snapshot();
        tracker.Report(snapshot);
        progress?.Report(snapshot);
    }
}
