namespace DocRag.Server.Uploads;

/// <summary>An uploaded file written to a hidden temp file in its collection folder, not yet under its name.</summary>
/// <param name="ClientName">The name the client sent.</param>
/// <param name="Name">The sanitised name it is to be stored under.</param>
/// <param name="TempPath">The temp file (ignored by syncs and watchers).</param>
/// <param name="Problem">Why the content does not fit its type (415), or null.</param>
public sealed record StagedUpload(string ClientName, string Name, string TempPath, long Size, string Sha256, string? Problem);
