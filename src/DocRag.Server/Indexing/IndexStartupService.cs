using DocRag.Core.Hosting;
using DocRag.Core.Storage;

namespace DocRag.Server.Indexing;

/// <summary>
/// Opens (creates or migrates) the index before the server takes requests, and makes sure its full-text rows were
/// analysed the way queries are: when the analyzer changed since they were written, the rows are rebuilt in the
/// background while <c>/ready</c> reports the <c>index</c> component as pending.
/// </summary>
public sealed class IndexStartupService(IndexStore store, IReadinessState readiness, ILogger<IndexStartupService> logger) : IHostedService, IDisposable
{
    public const string Component = "index";

    private readonly CancellationTokenSource _stopping = new();
    private bool _disposed;
    private Task _rebuild = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // A database from a newer DocRag fails here, so start-up stops with its message.
        await store.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        if (store.IsReadOnly)
        {
            // Read-only media: serve searches; the analysis check would need to write.
            Log.IndexReadOnly(logger, store.DatabasePath);
            return;
        }

        var (current, empty) = await ReadAnalyzerStateAsync(cancellationToken).ConfigureAwait(false);
        if (current)
        {
            return;
        }

        if (empty)
        {
            await store.EnsureFullTextAnalyzerAsync(cancellationToken).ConfigureAwait(false); // nothing to rebuild: records the signature
            return;
        }

        readiness.SetNotReady(Component, "rebuilding the full-text index for the current text analysis");
        var stopping = _stopping.Token;
        _rebuild = Task.Run(() => RebuildAsync(stopping), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_disposed)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }

        await _rebuild.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    // A host may dispose its services before stopping them; then there is nothing left to cancel.
    public void Dispose()
    {
        _disposed = true;
        _stopping.Dispose();
    }

    private async Task RebuildAsync(CancellationToken stopping)
    {
        try
        {
            Log.FullTextRebuilding(logger);
            await store.EnsureFullTextAnalyzerAsync(stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping; the next start rebuilds (the rebuild is one transaction).
        }
        catch (Exception ex)
        {
            // Searches still work, with rows analysed the old way; the next folder sync tries again.
            Log.FullTextRebuildFailed(logger, ex);
        }
        finally
        {
            readiness.SetReady(Component);
        }
    }

    private async Task<(bool Current, bool Empty)> ReadAnalyzerStateAsync(CancellationToken cancellationToken)
    {
        using var connection = await store.OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT value FROM meta WHERE key = 'fts_analyzer'), EXISTS (SELECT 1 FROM chunks)";
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var recorded = reader.IsDBNull(0) ? null : reader.GetString(0);
        return (recorded == FullTextAnalyzer.Signature, reader.GetInt64(1) == 0);
    }
}
