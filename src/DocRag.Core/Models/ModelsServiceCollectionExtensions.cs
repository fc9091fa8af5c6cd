using DocRag.Core.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DocRag.Core.Models;

/// <summary>Registers the model catalog, the models folder and the downloader.</summary>
public static class ModelsServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="ModelsOptions"/> to <c>DocRag:Models</c> (validated on start) and registers
    /// <see cref="ModelCatalog"/> (the built-in one unless one is already registered), <see cref="ModelStore"/> over
    /// <see cref="DocRagOptions.ModelsPath"/>, and <see cref="ModelDownloader"/>.
    /// </summary>
    public static IServiceCollection AddDocRagModels(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ModelsOptions>()
            .Bind(configuration.GetSection(ModelsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(ModelCatalog.Default);
        services.TryAddSingleton(sp => new ModelStore(
            sp.GetRequiredService<ModelCatalog>(), sp.GetRequiredService<IOptions<DocRagOptions>>().Value.ModelsPath));
        services.TryAddSingleton(sp => new ModelDownloader(
            sp.GetRequiredService<IOptions<ModelsOptions>>(), sp.GetRequiredService<ILogger<ModelDownloader>>()));
        return services;
    }
}
