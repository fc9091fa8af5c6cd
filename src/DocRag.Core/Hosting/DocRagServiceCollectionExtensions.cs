using DocRag.Core.Answering;
using DocRag.Core.Diagnostics;
using DocRag.Core.Embeddings;
using DocRag.Core.Generation;
using DocRag.Core.Ingestion;
using DocRag.Core.Models;
using DocRag.Core.Retrieval;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        services.AddMetrics();
        services.TryAddSingleton<DocRagMetrics>();
        services.TryAddSingleton<IReadinessState, ReadinessState>();
        services.AddDocRagModels(configuration);
        services.AddDocRagEmbeddings(configuration);
        services.AddDocRagGeneration(configuration);
        services.AddDocRagIngestion(configuration);
        services.AddDocRagRetrieval(configuration);
        services.AddDocRagAnswering(configuration);
        return services;
    }
}
