namespace DocRag.Server.Hosting;

/// <summary>Cross-origin (CORS) settings (<c>DocRag:Server:Cors</c>).</summary>
public sealed class ServerCorsOptions
{
    /// <summary>Origins (<c>https://intranet.example</c>) whose pages may call the API; empty turns CORS off.</summary>
    public IList<string> AllowedOrigins { get; } = [];
}
