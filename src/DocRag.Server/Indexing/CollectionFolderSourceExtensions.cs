namespace DocRag.Server.Indexing;

/// <summary>The API's names for <see cref="CollectionFolderSource"/>.</summary>
public static class CollectionFolderSourceExtensions
{
    public static string ToCode(this CollectionFolderSource source) => source switch
    {
        CollectionFolderSource.Configured => "configured",
        CollectionFolderSource.Uploads => "uploads",
        _ => "index",
    };
}
