namespace DocRag.Server.Indexing;

/// <summary>How the server knows a collection's folder.</summary>
public enum CollectionFolderSource
{
    /// <summary>A folder of <c>DocRag:Ingestion:Folders</c> (<c>docrag serve --docs</c>), watched.</summary>
    Configured = 0,

    /// <summary><c>DATA/uploads/{collection}</c>, made by an upload to a collection that had no folder; watched.</summary>
    Uploads = 1,

    /// <summary>A folder the index recorded (<c>docrag index FOLDER</c>); synced on request, not watched.</summary>
    Index = 2,
}
