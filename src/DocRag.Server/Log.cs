namespace DocRag.Server;

/// <summary>
/// DocRag.Server's source-generated log messages (event ids 1000-1099). Request bodies, document text and API keys are
/// never logged; a key is named by its configured name only.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Error, "Request {Method} {Route} failed (correlation id {CorrelationId})")]
    public static partial void UnhandledException(ILogger logger, string method, string route, string correlationId, Exception exception);

    [LoggerMessage(1001, LogLevel.Debug, "Rejected {Method} {Route} as a bad request ({StatusCode})")]
    public static partial void BadRequest(ILogger logger, string method, string route, int statusCode);

    [LoggerMessage(1002, LogLevel.Warning, "Refused an invalid API key from {RemoteAddress}")]
    public static partial void ApiKeyRejected(ILogger logger, string remoteAddress);

    [LoggerMessage(1003, LogLevel.Information, "Rate limit reached for {Caller}; retry after {RetryAfterSeconds} s")]
    public static partial void RateLimited(ILogger logger, string caller, int retryAfterSeconds);

    [LoggerMessage(1004, LogLevel.Information, "API key {KeyName} refused for collection {Collection}")]
    public static partial void CollectionDenied(ILogger logger, string keyName, string collection);

    [LoggerMessage(1005, LogLevel.Information, "Busy: refused {Method} {Route}; retry after {RetryAfterSeconds} s")]
    public static partial void ServiceBusy(ILogger logger, string method, string route, double retryAfterSeconds);

    [LoggerMessage(1006, LogLevel.Debug, "Client closed the connection during {Method} {Route}")]
    public static partial void RequestAborted(ILogger logger, string method, string route);

    [LoggerMessage(1007, LogLevel.Information, "API keys: {KeyCount} configured; CORS origins: {CorsOrigins}")]
    public static partial void AccessConfigured(ILogger logger, int keyCount, string corsOrigins);

    // 1040-1059: documents, collections, index and models resources, and the server's background indexing.
    [LoggerMessage(1040, LogLevel.Information, "Sync of collection {Collection} skipped: it has no folder")]
    public static partial void SyncSkipped(ILogger logger, string collection);

    [LoggerMessage(1041, LogLevel.Error, "Sync of collection {Collection} failed")]
    public static partial void SyncFailed(ILogger logger, string collection, Exception exception);

    [LoggerMessage(1042, LogLevel.Error, "Watching the upload folder of collection {Collection} failed")]
    public static partial void WatchFailed(ILogger logger, string collection, Exception exception);

    [LoggerMessage(1043, LogLevel.Information, "The text analysis changed: rebuilding the full-text index")]
    public static partial void FullTextRebuilding(ILogger logger);

    [LoggerMessage(1044, LogLevel.Error, "Rebuilding the full-text index failed; the next folder sync tries again")]
    public static partial void FullTextRebuildFailed(ILogger logger, Exception exception);

    [LoggerMessage(1045, LogLevel.Warning, "Reading the index statistics for the metrics failed")]
    public static partial void IndexMetricsFailed(ILogger logger, Exception exception);

    [LoggerMessage(1046, LogLevel.Error, "Loading the {Component} model at start-up failed")]
    public static partial void ModelWarmupFailed(ILogger logger, string component, Exception exception);

    [LoggerMessage(1047, LogLevel.Information, "Upload into collection {Collection}: {Written} file(s) written, {Unchanged} unchanged")]
    public static partial void Uploaded(ILogger logger, string collection, int written, int unchanged);

    [LoggerMessage(1048, LogLevel.Information, "Document {DocumentId} of collection {Collection} deleted with its file")]
    public static partial void DocumentDeleted(ILogger logger, long documentId, string collection);

    [LoggerMessage(1049, LogLevel.Warning, "Could not delete the file of document {DocumentId}; the document stays indexed")]
    public static partial void DocumentFileNotDeleted(ILogger logger, long documentId, Exception exception);

    [LoggerMessage(1050, LogLevel.Warning, "Document {DocumentId} of collection {Collection} not deleted: its file is reached through a link that leads outside the collection's folder")]
    public static partial void DocumentFileOutsideFolder(ILogger logger, long documentId, string collection);

    [LoggerMessage(1051, LogLevel.Warning, "Upload into collection {Collection} refused: its folder was removed while the upload was written")]
    public static partial void UploadFolderVanished(ILogger logger, string collection);

    [LoggerMessage(1008, LogLevel.Error, "Streamed response of {Method} {Route} failed after it started (correlation id {CorrelationId})")]
    public static partial void StreamFailed(ILogger logger, string method, string route, string correlationId, Exception exception);

    [LoggerMessage(1095, LogLevel.Warning, "{Method} {Route} refused: storage is {Fault}: {Reason}")]
    public static partial void StorageRefused(ILogger logger, string method, string route, string fault, string reason);

    [LoggerMessage(1096, LogLevel.Warning, "The index {Path} is on read-only media: searches work, indexing and uploads are refused until DocRag can write its data folder")]
    public static partial void IndexReadOnly(ILogger logger, string path);
}
