namespace DocRag.Core.Ingestion;

/// <summary>A folder kept in step with the index as one collection (named after the folder when unset).</summary>
public sealed class WatchedFolder
{
    public string Path { get; set; } = "";

    public string? Collection { get; set; }
}
