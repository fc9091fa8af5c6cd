namespace DocRag.Server.Endpoints;

/// <summary>A collection and its counts.</summary>
/// <param name="Folder">The folder it mirrors, as a server path; null for scoped keys (and for collections without one).</param>
/// <param name="Source"><c>configured</c> (a watched folder), <c>uploads</c> (<c>DATA/uploads/NAME</c>, watched), <c>index</c> (a folder indexed with <c>docrag index</c>, synced on request), or <c>none</c>.</param>
/// <param name="Watched">Whether the server syncs the folder when its files change.</param>
public sealed record CollectionItem(string Name, string? Folder, string Source, bool Watched, int Documents, int Indexed, int Failed, long Chunks);
