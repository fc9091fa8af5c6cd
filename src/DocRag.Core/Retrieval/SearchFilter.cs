namespace DocRag.Core.Retrieval;

/// <summary>
/// A search's filters, normalised: the collections it may cover (the requested one within the caller's scope; null =
/// all), an absolute path prefix and a document type. <see cref="From"/> returns null when nothing can match.
/// </summary>
public sealed record SearchFilter(IReadOnlySet<string>? Collections, string? PathPrefix, string? Type)
{
    public static SearchFilter All { get; } = new(null, null, null);

    public bool IsAll => Collections is null && PathPrefix is null && Type is null;

    public static SearchFilter? From(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        IReadOnlySet<string>? collections = request.AllowedCollections;
        if (!string.IsNullOrEmpty(request.Collection))
        {
            if (collections is not null && !collections.Contains(request.Collection))
            {
                return null;
            }

            collections = new HashSet<string>([request.Collection], StringComparer.Ordinal);
        }

        if (collections is { Count: 0 })
        {
            return null;
        }

        var type = string.IsNullOrWhiteSpace(request.FileType) ? null : request.FileType.Trim().TrimStart('.').ToLowerInvariant();
        return new SearchFilter(collections, string.IsNullOrEmpty(request.PathPrefix) ? null : request.PathPrefix, type);
    }

    public bool Matches(string collection, string path, string type) =>
        (Collections is null || Collections.Contains(collection))
        && (PathPrefix is null || path.StartsWith(PathPrefix, StringComparison.Ordinal))
        && (Type is null || string.Equals(type, Type, StringComparison.Ordinal));
}
