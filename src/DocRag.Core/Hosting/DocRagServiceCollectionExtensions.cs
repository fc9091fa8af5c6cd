using DocRag.Core.Generation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DocRag.Core.Hosting;

/// <summary>The one composition root shared by the server and the CLI.</summary>
public static class DocRagServiceCollectionExtensions
{
    /// <summary>Registers DocRag's options and services, bound to the <c>DocRag</c> configuration section.</summary>
    public static IServiceCollection AddDocRag(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DocRagOptions>()
            .Bind(configuration.GetSection(DocRagOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddDocRagGeneration(configuration);
        return services;
    }
}
