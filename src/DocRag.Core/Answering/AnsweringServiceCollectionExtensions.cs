using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DocRag.Core.Answering;

/// <summary>Registers <see cref="AnsweringOptions"/> (validated on start) and the shared <see cref="AnswerService"/>.</summary>
public static class AnsweringServiceCollectionExtensions
{
    public static IServiceCollection AddDocRagAnswering(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddLogging();
        services.AddOptions<AnsweringOptions>()
            .Bind(configuration.GetSection(AnsweringOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<AnswerService>();
        return services;
    }
}
