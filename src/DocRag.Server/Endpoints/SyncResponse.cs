namespace DocRag.Server.Endpoints;

/// <summary><c>POST /v1/index/sync</c> (202): the collections queued (merged with syncs already waiting) and the status now.</summary>
public sealed record SyncResponse(IReadOnlyList<string> Collections, IndexStatusResponse Status);
