using DocRag.Core.Embeddings;
using DocRag.Core.Hosting;
using DocRag.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DocRag.Core.Retrieval;

/// <summary>
/// For servers: gets search ready at start so the first search does not pay for it. It brings the full-text rows up to
/// this build's text analysis (<see cref="IndexStore.EnsureFullTextAnalyzerAsync"/>: after an upgrade that changed
/// stemming, queries and rows would otherwise be analysed differently), then loads the embedding model and the vector
/// index (a million 384-dimension vectors take seconds to read). Reports <see cref="Component"/> through
/// <see cref="IReadinessState"/> until done.
/// </summary>
public sealed class SearchWarmupService : BackgroundService
{
    public const string Component = "search-index";

    private readonly IndexStore _store;
    private readonly VectorIndex _index;
    private readonly EmbeddingModelHost _embeddings;
    private readonly IReadinessState _readiness;
    private readonly ILogger _logger;

    public SearchWarmupService(IndexStore store, VectorIndex index, EmbeddingModelHost embeddings, IReadinessState readiness, ILogger<SearchWarmupService> logger)
    {
        ArgumentNullException.ThrowIfNull(readiness);
        _store = store;
        _index = index;
        _embeddings = embeddings;
        _readiness = readiness;
        _logger = logger;
        // Pending from construction: no window in which searches run before the index is ready.
        _readiness.SetNotReady(Component, "preparing the search index");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _store.EnsureFullTextAnalyzerAsync(stoppingToken).ConfigureAwait(false);
            if (await _embeddings.GetAsync(stoppingToken).ConfigureAwait(false) is not null)
            {
                await _index.EnsureCurrentAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Searches load the vector index themselves and report the error there; serving goes on.
            Log.SearchWarmupFailed(_logger, ex);
        }
        finally
        {
            _readiness.SetReady(Component);
        }
    }
}
