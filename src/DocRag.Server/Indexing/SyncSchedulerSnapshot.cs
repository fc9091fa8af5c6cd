namespace DocRag.Server.Indexing;

/// <summary>The sync queue at one moment: the collection syncing now, those waiting, and uploaded files per collection not yet synced.</summary>
public sealed record SyncSchedulerSnapshot(string? Running, IReadOnlyList<string> Queued, IReadOnlyDictionary<string, int> PendingFiles)
{
    public bool IsBusy => Running is not null || Queued.Count > 0;
}
