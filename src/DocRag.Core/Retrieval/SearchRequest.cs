namespace DocRag.Core.Retrieval;

/// <summary>
/// A search over the index. Filters combine (AND); <paramref name="AllowedCollections"/> is the caller's scope (a scoped
/// API key's collections; null = every collection) and is applied on top of <paramref name="Collection"/>.
/// </summary>
/// <param name="Query">What the user typed; never interpreted as FTS syntax.</param>
/// <param name="TopK">How many hits to return, 1 to <see cref="MaxTopK"/>.</param>
/// <param name="Mode">Null: hybrid when an embedding model is loaded and the index has its vectors, else keyword.
/// Vector or hybrid asked for explicitly without a usable model throws <see cref="SearchModeUnavailableException"/>.</param>
/// <param name="Collection">Only this collection.</param>
/// <param name="PathPrefix">Only documents whose absolute path starts with this (ordinal comparison).</param>
/// <param name="FileType">Only this document type (<c>pdf</c>, <c>docx</c>, <c>md</c>, <c>html</c>, <c>txt</c>, or the bare extension; a leading dot and case are ignored).</param>
/// <param name="AllowedCollections">The collections the caller may see; null for all, empty for none.</param>
public sealed record SearchRequest(
    string Query,
    int TopK = SearchRequest.DefaultTopK,
    SearchMode? Mode = null,
    string? Collection = null,
    string? PathPrefix = null,
    string? FileType = null,
    IReadOnlySet<string>? AllowedCollections = null)
{
    public const int DefaultTopK = 10;

    public const int MaxTopK = 100;

    /// <summary>Longer queries are refused (the FTS side keeps at most a few dozen clauses, the embedder truncates).</summary>
    public const int MaxQueryLength = 4096;
}
