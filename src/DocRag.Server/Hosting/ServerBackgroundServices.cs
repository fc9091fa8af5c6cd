using DocRag.Core.Retrieval;

namespace DocRag.Server.Hosting;

/// <summary>
/// The registration point for work that runs only while serving, never in one-shot CLI commands: each an
/// <see cref="IHostedService"/>, for example the folder sync that indexes and watches <c>DocRag:Ingestion:Folders</c>
/// (which <c>docrag serve --docs</c> fills) and model warm-up that reports through <c>IReadinessState</c>.
/// </summary>
public static class ServerBackgroundServices
{
    public static IServiceCollection AddServerBackgroundServices(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        // One line per service, for example: services.AddHostedService<FolderSyncService>();
        services.AddHostedService<SearchWarmupService>();
        return services;
    }
}
