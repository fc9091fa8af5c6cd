using DocRag.Core.Embeddings;
using DocRag.Core.Hosting;
using DocRag.Core.Ingestion.Chunking;
using DocRag.Core.Ingestion.Parsers;
using DocRag.Core.Ingestion.Sync;
using DocRag.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DocRag.Core.Ingestion;

/// <summary>Registers the index store, parsers, chunker and folder sync.</summary>
public static class IngestionServiceCollectionExtensions
{
    /// <summary>The index store, parsers, chunker and folder sync (part of <see cref="DocRagServiceCollectionExtensions.AddDocRag"/>).</summary>
    public static IServiceCollection AddDocRagIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<IngestionOptions>()
            .Bind(configuration.GetSection(IngestionOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.ChunkOverlapPercent < 50, "DocRag:Ingestion:ChunkOverlapPercent must be under 50")
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IngestionOptions>, WatchedFoldersValidator>());
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(sp => new IndexStore(
            sp.GetRequiredService<IOptions<DocRagOptions>>().Value.DatabasePath,
            sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentParser, TextParser>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentParser, MarkdownParser>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentParser, HtmlParser>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentParser, DocxParser>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentParser, PdfParser>());
        services.TryAddSingleton<DocumentReader>();
        services.TryAddSingleton<IChunker>(sp => new StructuredChunker(ChunkingOptions.From(sp.GetRequiredService<IOptions<IngestionOptions>>().Value)));
        services.TryAddSingleton<IndexingStatusTracker>();
        services.TryAddSingleton(sp =>
        {
            var host = sp.GetRequiredService<EmbeddingModelHost>();
            return new FolderSync(
                sp.GetRequiredService<IndexStore>(),
                sp.GetRequiredService<DocumentReader>(),
                sp.GetRequiredService<IChunker>(),
                sp.GetRequiredService<IOptions<IngestionOptions>>(),
                sp.GetRequiredService<IndexingStatusTracker>(),
                sp.GetRequiredService<ILogger<FolderSync>>(),
                host.GetAsync);
        });
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
