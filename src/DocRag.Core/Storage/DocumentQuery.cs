namespace DocRag.Core.Storage;

/// <summary>A page of the documents list, optionally filtered by collection and status; ordered by path.</summary>
public sealed record DocumentQuery(string? Collection = null, DocumentStatus? Status = null, int Offset = 0, int Limit = 100);
