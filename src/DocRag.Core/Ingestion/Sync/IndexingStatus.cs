namespace DocRag.Core.Ingestion.Sync;

/// <summary>What the server reports as index status: <c>indexing</c> or <c>idle</c>, progress, and the last run.</summary>
public sealed record IndexingStatus(string State, IndexingProgress? Progress, SyncReport? LastRun, DateTimeOffset? LastRunAt, string? LastError)
{
    public const string Indexing = "indexing";
    public const string Idle = "idle";
}
