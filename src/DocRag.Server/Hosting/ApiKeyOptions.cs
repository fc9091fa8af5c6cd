namespace DocRag.Server.Hosting;

/// <summary>One API key (an item of <c>DocRag:Server:ApiKeys</c>).</summary>
public sealed class ApiKeyOptions
{
    /// <summary>Who holds the key; shown in logs and used to partition rate limits (the key itself never is).</summary>
    public string Name { get; set; } = "";

    /// <summary>The secret, at least <see cref="ServerOptionsValidator.MinimumKeyLength"/> characters.</summary>
    public string Key { get; set; } = "";

    /// <summary>The collections this key may search, answer from, list and upload to; empty means all.</summary>
    public IList<string> Collections { get; } = [];

    /// <summary>This key's rate limit in requests per minute (0: none); unset uses the server's default.</summary>
    public int? RequestsPerMinute { get; set; }
}
