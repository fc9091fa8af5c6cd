namespace DocRag.Server.Endpoints;

/// <summary>
/// <c>POST /v1/documents</c> (202): the files stored in the collection's folder. Indexing runs in the background: poll
/// <see cref="Location"/> (the documents list filtered to these paths) until every file is listed with the uploaded
/// <c>sha256</c>, or watch <c>/v1/index/status</c>.
/// </summary>
public sealed record UploadResponse(string Collection, IReadOnlyList<UploadedFileItem> Files, string Location, string StatusUrl);
