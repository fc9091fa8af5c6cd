namespace DocRag.Server.Uploads;

/// <summary>An uploaded file now in its collection folder.</summary>
/// <param name="ClientName">The name the client sent.</param>
/// <param name="Name">The name it is stored under, relative to the collection folder.</param>
public sealed record StoredUpload(string ClientName, string Name, UploadOutcome Outcome, long Size, string Sha256);
