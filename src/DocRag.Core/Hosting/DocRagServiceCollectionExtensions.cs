using DocRag.Core.Answering;
using DocRag.Core.Diagnostics;
using DocRag.Core.Embeddings;
using DocRag.Core.Generation;
using DocRag.Core.Ingestion;
using DocRag.Core.Ingestion.Chunking;
using DocRag.Core.Ingestion.Parsers;
using DocRag.Core.Ingestion.Sync;
using DocRag.Core.Models;
using DocRag.Core.Retrieval;
using DocRag.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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
        services.AddDocRagModels(configuration);
        services.AddMetrics();
        services.TryAddSingleton<DocRagMetrics>();
        services.TryAddSingleton<IReadinessState, ReadinessState>();
        services.AddDocRagEmbeddings(configuration);
        services.AddDocRagIngestion(configuration);
        services.AddDocRagGeneration(configuration);
        services.AddDocRagRetrieval(configuration);
        services.AddDocRagAnswering(configuration);
        return services;
    }

    /// <summary>The index store, parsers, chunker and folder sync (part of <see cref="AddDocRag"/>).</summary>
    public static IServiceCollection AddDocRagIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<IngestionOptions>()
            .Bind(configuration.GetSection(IngestionOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.ChunkOverlapPercent < 50, "DocRag:Ingestion:ChunkOverlapPercent must be under 50")
            .ValidateOnStart();
        services.TryAddSingleton(sp => new IndexStore(sp.GetRequiredService<IOptions<DocRagOptions>>().Value.DatabasePath));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentParser, TextParser>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentParser, MarkdownParser>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentParser, HtmlParser>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentParser, DocxParser>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentParser, PdfParser>());
        services.TryAddSingleton<DocumentReader>();
        services.TryAddSingleton<IChunker>(sp => new StructuredChunker(ChunkingOptions.From(sp.GetRequiredService<IOptions<IngestionOptions>>().Value)));
        services.TryAddSingleton<IndexingStatusTracker>();
        services.TryAddSingleton<FolderSync>();
        return services;
    }

    /// <summary>
    /// The server's watcher: indexes and watches each folder of <c>DocRag:Ingestion:Folders</c> as a collection.
    /// Only for long-running hosts (the CLI's <c>index</c> syncs once instead).
    /// </summary>
    public static IServiceCollection AddDocRagFolderWatcher(this IServiceCollection services)
    {
        services.AddHostedService<WatchedFoldersService>();
        return services;
    }
}
