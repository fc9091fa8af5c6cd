namespace DocRag.Server.Endpoints;

/// <summary>One uploaded file.</summary>
/// <param name="Path">Where it is stored, relative to the collection folder (the sanitised name).</param>
/// <param name="OriginalName">The name the client sent.</param>
/// <param name="Outcome"><c>created</c>, <c>renamed</c> (stored under a numbered name), <c>replaced</c>, or <c>unchanged</c> (the same file was there already).</param>
/// <param name="DocumentId">The document's id when the index already has exactly this content; null until it is indexed.</param>
/// <param name="Location">The documents list filtered to this file: poll it until the file is listed.</param>
public sealed record UploadedFileItem(string Path, string OriginalName, string Outcome, long Size, string Sha256, long? DocumentId, string Location);
