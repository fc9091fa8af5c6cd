using DocRag.Core.Embeddings;
using DocRag.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DocRag.Core.Retrieval;

/// <summary>Registers <see cref="SearchService"/>, the <see cref="VectorIndex"/> it scans and their options (validated at start); part of <c>AddDocRag</c>.</summary>
public static class RetrievalServiceCollectionExtensions
{
    public static IServiceCollection AddDocRagRetrieval(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RetrievalOptions>().Bind(configuration.GetSection(RetrievalOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RetrievalOptions>, RetrievalOptionsValidator>());
        // Factories: both types also have constructors for hosts without DI, which the container must not pick.
        services.TryAddSingleton(sp => new VectorIndex(
            sp.GetRequiredService<IndexStore>(), sp.GetRequiredService<IOptions<RetrievalOptions>>(), sp.GetRequiredService<ILogger<VectorIndex>>()));
        services.TryAddSingleton(sp => new SearchService(
            sp.GetRequiredService<IndexStore>(), sp.GetRequiredService<VectorIndex>(), sp.GetRequiredService<EmbeddingModelHost>(),
            sp.GetRequiredService<IOptions<RetrievalOptions>>(), sp.GetRequiredService<ILogger<SearchService>>()));
        return services;
    }
}
