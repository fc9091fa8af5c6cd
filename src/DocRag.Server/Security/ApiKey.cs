namespace DocRag.Server.Security;

/// <summary>A configured API key as the server holds it: the name, the key's digest (not the key), scope and limit.</summary>
public sealed class ApiKey
{
    private readonly byte[] _digest;

    public ApiKey(string name, byte[] digest, CollectionScope scope, int? requestsPerMinute)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(scope);
        Name = name;
        _digest = digest;
        Scope = scope;
        RequestsPerMinute = requestsPerMinute;
    }

    public string Name { get; }

    public CollectionScope Scope { get; }

    /// <summary>This key's own limit; null uses <c>DefaultRequestsPerMinute</c>.</summary>
    public int? RequestsPerMinute { get; }

    internal ReadOnlySpan<byte> Digest => _digest;
}
