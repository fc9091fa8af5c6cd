namespace DocRag.Server.Endpoints;

/// <summary><c>GET /v1/index/status</c>.</summary>
/// <param name="State"><c>indexing</c> while a sync runs or waits in the queue, else <c>idle</c>.</param>
/// <param name="Progress">The running sync, when there is one the caller may see.</param>
/// <param name="Running">The collection syncing now at the API's request (watchers' syncs show in <paramref name="Progress"/>).</param>
/// <param name="Queued">Collections waiting for a sync.</param>
/// <param name="LastRun">The last finished sync, when the caller may see its collection.</param>
/// <param name="LastError">Why the last sync failed, if it did (unscoped callers only).</param>
/// <param name="EmbeddingModel">The model the index's vectors belong to; null before anything was embedded.</param>
public sealed record IndexStatusResponse(
    string State,
    IndexCounts Counts,
    IndexProgressView? Progress,
    string? Running,
    IReadOnlyList<string> Queued,
    IndexRunView? LastRun,
    string? LastError,
    IndexModelView? EmbeddingModel);
