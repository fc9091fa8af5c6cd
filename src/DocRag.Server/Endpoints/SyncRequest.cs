namespace DocRag.Server.Endpoints;

/// <summary>The optional body of <c>POST /v1/index/sync</c>.</summary>
/// <param name="Collection">Sync only this collection; all collections with a folder when absent.</param>
public sealed record SyncRequest(string? Collection);
