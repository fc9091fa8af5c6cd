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

    [LoggerMessage(1008, LogLevel.Error, "Streamed response of {Method} {Route} failed after it started (correlation id {CorrelationId})")]
    public static partial void StreamFailed(ILogger logger, string method, string route, string correlationId, Exception exception);

    [LoggerMessage(1009, LogLevel.Error, "Loading the generator model at start failed; answers are extractive until it loads")]
    public static partial void GeneratorWarmupFailed(ILogger logger, Exception exception);
}
