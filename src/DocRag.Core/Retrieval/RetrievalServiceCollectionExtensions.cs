using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DocRag.Core.Retrieval;

/// <summary>Registers <see cref="SearchService"/> and its options (validated at start); part of <c>AddDocRag</c>.</summary>
public static class RetrievalServiceCollectionExtensions
{
    public static IServiceCollection AddDocRagRetrieval(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RetrievalOptions>().Bind(configuration.GetSection(RetrievalOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RetrievalOptions>, RetrievalOptionsValidator>());
        services.TryAddSingleton<SearchService>();
        return services;
    }
}
