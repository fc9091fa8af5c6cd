namespace DocRag.Server.Endpoints;

/// <summary><c>GET /v1/collections</c>: the collections the caller may use, by name, and where uploads go without a <c>collection</c>.</summary>
public sealed record CollectionList(IReadOnlyList<CollectionItem> Items, string? DefaultCollection);
