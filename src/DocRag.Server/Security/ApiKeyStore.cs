using System.Security.Cryptography;
using System.Text;
using DocRag.Server.Hosting;

namespace DocRag.Server.Security;

/// <summary>The configured API keys (from options and <c>DOCRAG_API_KEYS</c>), looked up in constant time.</summary>
public sealed class ApiKeyStore
{
    private readonly ApiKey[] _keys;
    private readonly Dictionary<string, ApiKey> _byName;

    public ApiKeyStore(IEnumerable<ConfiguredApiKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = [.. keys.Select(k => new ApiKey(k.Name, ApiKeyDigest.Compute(k.Key),
            k.Collections.Count == 0 ? CollectionScope.All : CollectionScope.Of(k.Collections), k.RequestsPerMinute))];
        _byName = _keys.ToDictionary(k => k.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The keys configured in <paramref name="options"/> and the environment (validated at start-up).</summary>
    public static ApiKeyStore FromOptions(ServerOptions options, IConfiguration configuration) =>
        new(ApiKeySources.Read(options, configuration, []));

    /// <summary>True when any key is configured: then every API route needs one.</summary>
    public bool HasKeys => _keys.Length > 0;

    public int Count => _keys.Length;

    /// <summary>
    /// The key matching <paramref name="presented"/>, or null. Every configured key is compared (no early exit) so the
    /// time taken does not say which one matched, or how much of a guess was right.
    /// </summary>
    public ApiKey? Find(string presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        Span<byte> digest = stackalloc byte[ApiKeyDigest.Length];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), digest);
        ApiKey? match = null;
        foreach (var key in _keys)
        {
            if (ApiKeyDigest.Equals(digest, key.Digest))
            {
                match = key;
            }
        }

        return match;
    }

    /// <summary>The key named <paramref name="name"/> (an authenticated caller's), or null.</summary>
    public ApiKey? FindByName(string name) => _byName.GetValueOrDefault(name);
}
