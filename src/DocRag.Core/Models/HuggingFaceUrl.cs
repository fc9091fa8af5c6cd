namespace DocRag.Core.Models;

/// <summary>Builds Hugging Face <c>resolve</c> URLs: <c>{base}/{owner}/{name}/resolve/{revision}/{path}</c>.</summary>
public static class HuggingFaceUrl
{
    /// <summary>The download URL of one file at one revision.</summary>
    public static Uri Resolve(Uri baseUrl, string repository, string revision, string path)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(repository);
        ArgumentException.ThrowIfNullOrWhiteSpace(revision);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var root = baseUrl.AbsoluteUri.TrimEnd('/');
        return new Uri($"{root}/{Escape(repository)}/resolve/{Uri.EscapeDataString(revision)}/{Escape(path)}");
    }

    /// <summary>The download URL of a catalog file.</summary>
    public static Uri Resolve(Uri baseUrl, CatalogModel model, CatalogFile file)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(file);
        return Resolve(baseUrl, model.RepositoryOf(file), model.RevisionOf(file), file.RepoPath);
    }

    private static string Escape(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
