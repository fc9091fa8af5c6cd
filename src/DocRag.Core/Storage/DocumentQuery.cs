namespace DocRag.Core.Storage;

/// <summary>A page of the documents list, optionally filtered by collection and status; ordered by path.</summary>
/// <param name="Collections">When set, only documents of these collections (with <paramref name="Collection"/>, both apply).</param>
public sealed record DocumentQuery(
    string? Collection = null, DocumentStatus? Status = null, int Offset = 0, int Limit = 100, IReadOnlyCollection<string>? Collections = null);
