namespace DocRag.Core.Models;

/// <summary>One file of a pull: where it comes from and where it goes.</summary>
internal sealed record DownloadTarget(
    CatalogModel Model,
    CatalogFile File,
    Uri Url,
    string Path,
    int Index,
    string ModelsDirectory)
{
    public string PartPath => Path + ModelPaths.PartialSuffix;

    public long PartLength
    {
        get
        {
            var info = new FileInfo(PartPath);
            return info.Exists ? info.Length : 0;
        }
    }
}
