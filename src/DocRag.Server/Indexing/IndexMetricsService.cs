using DocRag.Core.Diagnostics;
using DocRag.Core.Storage;

namespace DocRag.Server.Indexing;

/// <summary>
/// Keeps the <c>docrag_index_documents</c> and <c>docrag_index_chunks</c> gauges in step with the index: read at start,
/// after this process's writes (bursts merged, at most one read a second), and every 30 seconds for other processes'.
/// </summary>
public sealed class IndexMetricsService(IndexStore store, DocRagMetrics metrics, ILogger<IndexMetricsService> logger) : BackgroundService
{
    private static readonly TimeSpan MergeWindow = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _changed = new(0, 1);

    public override void Dispose()
    {
        base.Dispose();
        _changed.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        store.Changed += OnChanged;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await RefreshAsync(stoppingToken).ConfigureAwait(false);
                if (await _changed.WaitAsync(RefreshInterval, stoppingToken).ConfigureAwait(false))
                {
                    await Task.Delay(MergeWindow, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            store.Changed -= OnChanged;
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            var statistics = await store.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
            metrics.SetDocumentCount(statistics.Documents);
            metrics.SetChunkCount(statistics.Chunks);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.IndexMetricsFailed(logger, ex);
        }
    }

    private void OnChanged(object? sender, StoreChangedEventArgs e)
    {
        try
        {
            if (_changed.CurrentCount == 0)
            {
                _changed.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
        catch (ObjectDisposedException)
        {
            // Stopped.
        }
    }
}
