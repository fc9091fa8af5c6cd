namespace DocRag.Core.Models;

/// <summary>The result of pulling a catalog model.</summary>
/// <param name="Model">The catalog model.</param>
/// <param name="Directory">The model's folder.</param>
/// <param name="Files">One result per file, in catalog order.</param>
public sealed record ModelPullResult(CatalogModel Model, string Directory, IReadOnlyList<FilePullResult> Files)
{
    /// <summary>Files that were downloaded but have no pinned hash to check them against.</summary>
    public IEnumerable<FilePullResult> Unpinned => Files.Where(f => !f.File.IsPinned);
}
