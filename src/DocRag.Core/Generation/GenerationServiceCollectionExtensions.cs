using DocRag.Core.Remote;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DocRag.Core.Generation;

/// <summary>Registers the generator: <see cref="GenerationOptions"/> (validated on start) and the shared <see cref="GenerationModelHost"/>.</summary>
public static class GenerationServiceCollectionExtensions
{
    public static IServiceCollection AddDocRagGeneration(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddLogging();
        services.AddOptions<GenerationOptions>()
            .Bind(configuration.GetSection(GenerationOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GenerationOptions>, GenerationOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GenerationOptions>, RemoteEndpointOptionsValidator>());
        services.TryAddSingleton<GenerationModelHost>();
        return services;
    }
}
