using DocRag.Core.Ingestion.Sync;
using DocRag.Core.Storage;
using DocRag.Server.Indexing;
using DocRag.Server.Security;

namespace DocRag.Server.Endpoints;

/// <summary>Builds <see cref="IndexStatusResponse"/> for a caller's scope: a scoped key sees only its collections' counts, syncs and runs.</summary>
internal static class IndexStatusReader
{
    public static async Task<IndexStatusResponse> ReadAsync(
        CollectionScope scope, IndexStore store, CollectionFolders folders, SyncScheduler scheduler, IndexingStatusTracker tracker, CancellationToken cancellationToken)
    {
        var status = tracker.Current;
        var queued = scheduler.Snapshot();
        var pending = queued.PendingFiles.Where(p => scope.Allows(p.Key)).Sum(p => p.Value);
        var statistics = await store.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
        IndexCounts counts;
        if (scope.IsUnrestricted)
        {
            counts = new IndexCounts(statistics.Documents, statistics.Indexed, statistics.Failed, pending, statistics.Chunks, statistics.Vectors, statistics.ChunksWithoutVectors);
        }
        else
        {
            var mine = (await store.ListCollectionsAsync(cancellationToken).ConfigureAwait(false)).Where(c => scope.Allows(c.Name)).ToList();
            counts = new IndexCounts(mine.Sum(c => c.Documents), mine.Sum(c => c.Indexed), mine.Sum(c => c.Failed), pending, mine.Sum(c => c.Chunks), null, null);
        }

        var busy = status.State == IndexingStatus.Indexing || queued.IsBusy;
        var progress = status.State == IndexingStatus.Indexing && status.Progress is { } p && scope.Allows(p.Collection)
            ? await ProgressAsync(p, folders, cancellationToken).ConfigureAwait(false)
            : null;
        var lastRun = status.LastRun is { } r && scope.Allows(r.Collection)
            ? new IndexRunView(r.Collection, r.Scanned, r.Added, r.Updated, r.Unchanged + r.Touched, r.Moved, r.Deleted, r.Failed, r.Chunks,
                r.VectorsEmbedded, r.ModelChanged, r.Elapsed.TotalSeconds, status.LastRunAt)
            : null;
        return new IndexStatusResponse(
            busy ? IndexingStatus.Indexing : IndexingStatus.Idle,
            counts,
            progress,
            queued.Running is { } running && scope.Allows(running) ? running : null,
            [.. queued.Queued.Where(scope.Allows)],
            lastRun,
            scope.IsUnrestricted ? status.LastError : null,
            statistics.EmbeddingModel is { } model ? new IndexModelView(model.ModelId, model.Dimension) : null);
    }

    private static async Task<IndexProgressView> ProgressAsync(IndexingProgress progress, CollectionFolders folders, CancellationToken cancellationToken)
    {
        var root = (await folders.FindAsync(progress.Collection, cancellationToken).ConfigureAwait(false))?.Path;
        var current = progress.CurrentFile is { } file ? DocumentItem.RelativePath(file, root) : null;
        return new IndexProgressView(progress.Collection, progress.Phase, progress.FilesDone, progress.FilesTotal, progress.Chunks, progress.ChunksPerSecond, current);
    }
}
