using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DocRag.Core.Ingestion.Sync;

/// <summary>The server's background indexer: one <see cref="FolderWatcher"/> per folder in <c>DocRag:Ingestion:Folders</c>.</summary>
public sealed class WatchedFoldersService(FolderSync sync, IOptions<IngestionOptions> options, ILogger<WatchedFoldersService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var watchers = options.Value.Folders
            .Where(f => !string.IsNullOrWhiteSpace(f.Path))
            .Select(f => new FolderWatcher(sync, options.Value, logger, f.Path, f.Collection))
            .ToList();
        try
        {
            await Task.WhenAll(watchers.Select(w => w.RunAsync(stoppingToken))).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutting down.
        }
        finally
        {
            watchers.ForEach(w => w.Dispose());
        }
    }
}
