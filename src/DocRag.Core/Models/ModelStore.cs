namespace DocRag.Core.Models;

/// <summary>
/// The models folder: which catalog models are there (<see cref="GetStatuses"/>), whether their bytes are intact
/// (<see cref="VerifyAsync"/>), and which other models the user copied in (<see cref="FindUnknownModels"/>).
/// Never touches the network.
/// </summary>
public sealed partial class ModelStore
{
    public ModelStore(ModelCatalog catalog, string modelsDirectory)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelsDirectory);
        Catalog = catalog;
        ModelsDirectory = Path.GetFullPath(modelsDirectory);
    }

    public ModelCatalog Catalog { get; }

    /// <summary>The models folder as a full path.</summary>
    public string ModelsDirectory { get; }

    /// <summary>The folder of a catalog model: <c>{models}/{name}</c>.</summary>
    public string GetModelDirectory(CatalogModel model) => ModelPaths.ModelDirectory(ModelsDirectory, model);

    /// <summary>The full path of one file of a catalog model.</summary>
    public string GetFilePath(CatalogModel model, CatalogFile file) => ModelPaths.FilePath(GetModelDirectory(model), file);

    /// <summary>Every catalog model with how much of it is here.</summary>
    public IReadOnlyList<ModelStatus> GetStatuses() => [.. Catalog.Models.Select(GetStatus)];

    /// <summary>How much of one catalog model is here: presence and sizes only, no hashing.</summary>
    public ModelStatus GetStatus(CatalogModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var directory = GetModelDirectory(model);
        int present = 0, partial = 0;
        long bytes = 0;
        foreach (var file in model.Files)
        {
            var path = GetFilePath(model, file);
            var info = new FileInfo(path);
            if (info.Exists && (file.Size is null || info.Length == file.Size))
            {
                present++;
                bytes += info.Length;
            }
            else if (info.Exists || File.Exists(path + ModelPaths.PartialSuffix))
            {
                partial++;
            }
        }

        var state = present == model.Files.Count ? ModelInstallState.Downloaded
            : present + partial > 0 ? ModelInstallState.Partial
            : ModelInstallState.NotDownloaded;
        return new ModelStatus(model, state, directory, present, bytes);
    }
}
