namespace DocRag.Server.Endpoints;

/// <summary>A page of <c>GET /v1/documents</c>: the items, how many match in all, and the page asked for.</summary>
public sealed record DocumentList(IReadOnlyList<DocumentItem> Items, int Total, int Offset, int Limit);
