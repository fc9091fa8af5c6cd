namespace DocRag.Server.Indexing;

/// <summary>A collection and the folder it mirrors.</summary>
/// <param name="Name">The collection's name.</param>
/// <param name="Path">The folder, a full path.</param>
/// <param name="Source">Why the server knows it: a watched folder, an upload folder, or the index's record.</param>
public sealed record CollectionFolder(string Name, string Path, CollectionFolderSource Source)
{
    /// <summary>Whether the server keeps the folder in step with the index while it runs.</summary>
    public bool Watched => Source != CollectionFolderSource.Index;
}
