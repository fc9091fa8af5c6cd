namespace DocRag.Core.Storage;

/// <summary>One page of documents and how many match in all.</summary>
public sealed record DocumentPage(IReadOnlyList<StoredDocument> Items, int Total);
