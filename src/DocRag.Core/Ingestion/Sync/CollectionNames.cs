namespace DocRag.Core.Ingestion.Sync;

/// <summary>The default collection name of a folder: its own name.</summary>
public static class CollectionNames
{
    public static string FromFolder(string folder)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
        return string.IsNullOrWhiteSpace(name) ? "root" : name;
    }
}
