namespace DocRag.Server.Hosting;

/// <summary>The HTTP host's settings (section <c>DocRag:Server</c>), validated at start-up by <see cref="ServerOptionsValidator"/>.</summary>
public sealed class ServerOptions
{
    public const string SectionName = "DocRag:Server";

    /// <summary>Extra API keys from the environment, <c>name:key,name2:key2</c> (unscoped, default rate limit).</summary>
    public const string ApiKeysVariable = "DOCRAG_API_KEYS";

    /// <summary>
    /// API keys. When any is configured (here or in <see cref="ApiKeysVariable"/>), every <c>/v1</c> route and
    /// <c>/metrics</c> needs one; with none, the server only starts on loopback addresses and is open to local callers.
    /// </summary>
    public IList<ApiKeyOptions> ApiKeys { get; } = [];

    /// <summary>Cross-origin access for browser pages served from elsewhere; off unless origins are listed.</summary>
    public ServerCorsOptions Cors { get; } = new();

    /// <summary>The largest request body accepted by ordinary endpoints (JSON), in bytes.</summary>
    public long MaxRequestBodyBytes { get; set; } = 4L * 1024 * 1024;

    /// <summary>The largest request body accepted by upload endpoints, in bytes.</summary>
    public long MaxUploadBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>
    /// Requests per minute allowed per API key without its own <see cref="ApiKeyOptions.RequestsPerMinute"/>, and per
    /// client address for callers without a key. 0 means no limit.
    /// </summary>
    public int DefaultRequestsPerMinute { get; set; }

    /// <summary>How long clients are told to wait (<c>Retry-After</c>) while the server is not ready, in seconds.</summary>
    public int NotReadyRetryAfterSeconds { get; set; } = 5;
}
