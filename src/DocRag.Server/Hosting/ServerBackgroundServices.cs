using DocRag.Core.Ingestion;
using DocRag.Core.Retrieval;
using DocRag.Server.Indexing;
using DocRag.Server.Uploads;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DocRag.Server.Hosting;

/// <summary>
/// The registration point for work that runs only while serving, never in one-shot CLI commands: each an
/// <see cref="IHostedService"/>. Order matters: the index is opened and checked, model loading starts, then the folder
/// watchers and the sync queue run.
/// </summary>
public static class ServerBackgroundServices
{
    public static IServiceCollection AddServerBackgroundServices(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<CollectionFolders>();
        services.TryAddSingleton<UploadWriter>();
        services.TryAddSingleton<SyncScheduler>();
        services.TryAddSingleton<UploadFolderWatchers>();

        services.AddHostedService<IndexStartupService>();
        services.AddHostedService<ModelWarmupService>();
        services.AddHostedService<IndexMetricsService>();
        // Indexes and watches each DocRag:Ingestion:Folders entry (docrag serve --docs) as a collection.
        services.AddDocRagFolderWatcher();
        services.AddHostedService(sp => sp.GetRequiredService<UploadFolderWatchers>());
        services.AddHostedService(sp => sp.GetRequiredService<SyncScheduler>());
        services.AddHostedService<VectorIndexWarmupService>();
        return services;
    }
}
