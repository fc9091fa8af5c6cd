using System.Text.Json;

namespace DocRag.Core.Models;

/// <summary>
/// <c>{models}/{name}/docrag-model.json</c>, written by <c>docrag models pull</c>: what the loaders need to know about a
/// pulled model that its own files do not say (query/passage prefixes, pooling, languages, the chat template family, the
/// revision or package), with the pinned size and SHA-256 of every file.
/// </summary>
public sealed record ModelManifest(
    int SchemaVersion,
    string Name,
    ModelRole Role,
    string Repository,
    string Revision,
    string Licence,
    string PrimaryFile,
    IReadOnlyList<ModelManifestFile> Files,
    EmbeddingModelInfo? Embedding,
    GeneratorModelInfo? Generator,
    NuGetPackage? Package = null)
{
    public const string FileName = "docrag-model.json";
    public const int CurrentSchemaVersion = 1;

    /// <summary>The manifest of a catalog model.</summary>
    public static ModelManifest FromCatalog(CatalogModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new ModelManifest(
            CurrentSchemaVersion,
            model.Name,
            model.Role,
            model.Repository,
            model.Revision,
            model.Licence,
            model.PrimaryFile.LocalPath,
            [.. model.Files.Select(f => new ModelManifestFile(f.LocalPath, f.Size, f.Sha256))],
            model.Embedding,
            model.Generator,
            model.Package);
    }

    /// <summary>Reads the manifest of a model folder: null when the folder has none.</summary>
    /// <exception cref="InvalidDataException">The file exists but is not a valid manifest.</exception>
    public static ModelManifest? TryRead(string modelDirectory)
    {
        var path = Path.Combine(modelDirectory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var stream = File.OpenRead(path);
            var manifest = JsonSerializer.Deserialize(stream, ModelsJsonContext.Default.ModelManifest);
            return manifest is { Name.Length: > 0, PrimaryFile.Length: > 0, Files: not null }
                ? manifest
                : throw new InvalidDataException($"{path} is not a DocRag model manifest (name, primaryFile and files are required).");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not valid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>Writes the manifest into <paramref name="modelDirectory"/> (via a temporary file and a rename).</summary>
    public async Task WriteAsync(string modelDirectory, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(modelDirectory);
        var path = Path.Combine(modelDirectory, FileName);
        var temporary = path + ModelPaths.PartialSuffix;
        var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 4096, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            await JsonSerializer.SerializeAsync(stream, this, ModelsJsonContext.Default.ModelManifest, cancellationToken)
                .ConfigureAwait(false);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
