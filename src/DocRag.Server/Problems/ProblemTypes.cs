namespace DocRag.Server.Problems;

/// <summary>
/// Every problem type the API returns, in one place. Codes are stable: clients switch on <c>code</c> (or <c>type</c>),
/// never on <c>title</c> or <c>detail</c>. docs/API.md lists them; a test keeps the two in step.
/// </summary>
public static class ProblemTypes
{
    public const string BaseUri = "https://docrag.dev/problems/";

    /// <summary>The ProblemDetails extension that carries the code.</summary>
    public const string CodeExtension = "code";

    /// <summary>The ProblemDetails extension that carries the request's correlation id (also in the server log).</summary>
    public const string CorrelationIdExtension = "correlationId";

    public static ProblemType BadRequest { get; } = new("bad-request", 400, "The request is not valid",
        "The request could not be understood; check the parameters against /openapi/v1.json.");

    public static ProblemType InvalidJson { get; } = new("invalid-json", 400, "The request body is not valid JSON",
        "The request body is not valid JSON or does not have the expected shape.");

    public static ProblemType ValidationFailed { get; } = new("validation-failed", 400, "One or more fields are invalid",
        "Fix the fields listed in 'errors' and retry.");

    public static ProblemType ApiKeyMissing { get; } = new("api-key-missing", 401, "An API key is required",
        "Send an API key as 'Authorization: Bearer KEY' or 'X-Api-Key: KEY'.");

    public static ProblemType ApiKeyInvalid { get; } = new("api-key-invalid", 401, "The API key is not valid",
        "The API key sent is not one this server accepts; check it with the server's operator.");

    public static ProblemType Forbidden { get; } = new("forbidden", 403, "Not allowed",
        "This API key may not do this.");

    public static ProblemType CollectionForbidden { get; } = new("collection-forbidden", 403, "Collection not allowed for this key",
        "This API key is scoped to other collections.");

    public static ProblemType CrossOriginForbidden { get; } = new("cross-origin-forbidden", 403, "Cross-origin request refused",
        "A web page from another origin may not change data here; its origin must be listed in DocRag:Server:Cors:AllowedOrigins.");

    public static ProblemType NotFound { get; } = new("not-found", 404, "Not found",
        "Nothing matches this path; the routes are listed in /openapi/v1.json.");

    public static ProblemType MethodNotAllowed { get; } = new("method-not-allowed", 405, "Method not allowed",
        "This path does not accept this HTTP method; the 'Allow' header lists those it does.");

    public static ProblemType HostNotAllowed { get; } = new("host-not-allowed", 421, "Host not allowed",
        "Without API keys the server only answers requests addressed to localhost or a loopback IP; configure a key to serve other names.");

    public static ProblemType Conflict { get; } = new("conflict", 409, "Conflict",
        "The request conflicts with the current state of the resource.");

    public static ProblemType RequestTooLarge { get; } = new("request-too-large", 413, "The request body is too large",
        "The request body is larger than this endpoint accepts.");

    public static ProblemType UnsupportedMediaType { get; } = new("unsupported-media-type", 415, "Unsupported content type",
        "Send the body with the content type this endpoint expects: application/json, or multipart/form-data for uploads (see /openapi/v1.json).");

    public static ProblemType RateLimited { get; } = new("rate-limited", 429, "Too many requests",
        "The rate limit for this API key (or address) is reached; retry after the 'Retry-After' seconds.");

    public static ProblemType ServiceBusy { get; } = new("service-busy", 429, "The server is busy",
        "The server is at capacity; retry after the 'Retry-After' seconds.");

    public static ProblemType InternalError { get; } = new("internal-error", 500, "Internal server error",
        "An unexpected error occurred; it was logged with this correlation id.");

    public static ProblemType NotReady { get; } = new("not-ready", 503, "Not ready",
        "The server is starting (loading models or the index); retry after the 'Retry-After' seconds.");

    public static ProblemType ServiceUnavailable { get; } = new("service-unavailable", 503, "Service unavailable",
        "Something this request needs is not available right now.");

    public static ProblemType IndexReadOnly { get; } = new("index-read-only", 503, "The index is read-only",
        "The index cannot be written (a read-only file system or no write permission); searches still work, changes need write access to the data folder.");

    public static ProblemType InsufficientStorage { get; } = new("insufficient-storage", 507, "No room left",
        "The disk (or the index's configured size limit) is full; nothing was stored. Free space and retry.");

    /// <summary>Any other HTTP error status (for example 406 or 408 from the server itself).</summary>
    public static ProblemType HttpError { get; } = new("http-error", 0, "HTTP error", "The request failed; see the status code.");

    public static IReadOnlyList<ProblemType> All { get; } =
    [
        BadRequest, InvalidJson, ValidationFailed, ApiKeyMissing, ApiKeyInvalid, Forbidden, CollectionForbidden, CrossOriginForbidden,
        NotFound, MethodNotAllowed, HostNotAllowed, Conflict, RequestTooLarge, UnsupportedMediaType, RateLimited, ServiceBusy, InternalError, NotReady,
        ServiceUnavailable, IndexReadOnly, InsufficientStorage, HttpError,
    ];

    /// <summary>The type used for a bare status code (an empty 404, a framework 415...).</summary>
    public static ProblemType ForStatus(int status) => status switch
    {
        400 => BadRequest,
        401 => ApiKeyMissing,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        409 => Conflict,
        413 => RequestTooLarge,
        415 => UnsupportedMediaType,
        429 => RateLimited,
        500 => InternalError,
        503 => ServiceUnavailable,
        507 => InsufficientStorage,
        _ => HttpError,
    };

    public static ProblemType? FromUri(string? uri) =>
        uri is not null && uri.StartsWith(BaseUri, StringComparison.Ordinal) ? FromCode(uri[BaseUri.Length..]) : null;

    public static ProblemType? FromCode(string code) => All.FirstOrDefault(t => t.Code == code);
}
