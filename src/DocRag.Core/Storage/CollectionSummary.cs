namespace DocRag.Core.Storage;

/// <summary>A collection and its counts.</summary>
/// <param name="Root">The folder the collection mirrors, when it was indexed from one.</param>
public sealed record CollectionSummary(string Name, string? Root, int Documents, int Indexed, int Failed, long Chunks);
