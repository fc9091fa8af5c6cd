using DocRag.Core.Remote;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DocRag.Core.Embeddings;

/// <summary>Registers the embedding options (validated at start) and the shared <see cref="EmbeddingModelHost"/>.</summary>
public static class EmbeddingServiceCollectionExtensions
{
    public static IServiceCollection AddDocRagEmbeddings(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EmbeddingOptions>().Bind(configuration.GetSection(EmbeddingOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmbeddingOptions>, EmbeddingOptionsValidator>();
        services.AddSingleton<IValidateOptions<EmbeddingOptions>, RemoteEndpointOptionsValidator>();
        services.AddSingleton<EmbeddingModelHost>();
        return services;
    }
}
