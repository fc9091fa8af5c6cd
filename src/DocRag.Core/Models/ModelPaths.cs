namespace DocRag.Core.Models;

/// <summary>Where catalog models live inside the models folder: <c>{models}/{name}/{local path}</c>.</summary>
public static class ModelPaths
{
    /// <summary>Suffix of a download in progress; loaders ignore such files.</summary>
    public const string PartialSuffix = ".part";

    /// <summary>The folder of a catalog model.</summary>
    public static string ModelDirectory(string modelsDirectory, CatalogModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Combine(modelsDirectory, model.Name);
    }

    /// <summary>The full path of a catalog file; never outside the model's folder.</summary>
    public static string FilePath(string modelDirectory, CatalogFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Combine(modelDirectory, file.LocalPath);
    }

    private static string Combine(string root, string relative)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        ArgumentException.ThrowIfNullOrWhiteSpace(relative);
        var fullRoot = Path.GetFullPath(root);
        var full = Path.GetFullPath(Path.Combine(fullRoot, relative.Replace('/', Path.DirectorySeparatorChar)));
        var prefix = fullRoot.EndsWith(Path.DirectorySeparatorChar) ? fullRoot : fullRoot + Path.DirectorySeparatorChar;
        if (!full.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{relative}' points outside '{fullRoot}'.", nameof(relative));
        }

        return full;
    }
}
