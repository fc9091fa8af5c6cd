namespace DocRag.Server.Security;

/// <summary>The collections a caller may use: all of them, or a fixed set (a scoped API key's).</summary>
public sealed class CollectionScope
{
    private readonly HashSet<string>? _collections;

    private CollectionScope(HashSet<string>? collections) => _collections = collections;

    /// <summary>Every collection (no keys configured, or an unscoped key).</summary>
    public static CollectionScope All { get; } = new(null);

    /// <summary>No collection (fail closed: an unauthenticated caller while keys are configured).</summary>
    public static CollectionScope None { get; } = new([]);

    public static CollectionScope Of(IEnumerable<string> collections) => new(new(collections, StringComparer.Ordinal));

    public bool IsUnrestricted => _collections is null;

    /// <summary>The allowed collections, or null for all.</summary>
    public IReadOnlySet<string>? Collections => _collections;

    /// <summary>Whether the collection may be used (names compare exactly, case included).</summary>
    public bool Allows(string collection) => _collections is null || _collections.Contains(collection);
}
