using DocRag.Core.Embeddings;
using DocRag.Core.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DocRag.Core.Retrieval;

/// <summary>
/// For servers: loads the embedding model and the vector index at start, so the first search does not pay for it (a
/// million 384-dimension vectors take seconds to read). Reports <see cref="Component"/> through <see cref="IReadinessState"/>
/// until done; without an embedding model there is nothing to load.
/// </summary>
public sealed class VectorIndexWarmupService : BackgroundService
{
    public const string Component = "vector-index";

    private readonly VectorIndex _index;
    private readonly EmbeddingModelHost _embeddings;
    private readonly IReadinessState _readiness;
    private readonly ILogger _logger;

    public VectorIndexWarmupService(VectorIndex index, EmbeddingModelHost embeddings, IReadinessState readiness, ILogger<VectorIndexWarmupService> logger)
    {
        ArgumentNullException.ThrowIfNull(readiness);
        _index = index;
        _embeddings = embeddings;
        _readiness = readiness;
        _logger = logger;
        // Pending from construction: no window in which searches run before the index is loaded.
        _readiness.SetNotReady(Component, "loading the vector index");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (await _embeddings.GetAsync(stoppingToken).ConfigureAwait(false) is not null)
            {
                await _index.EnsureCurrentAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Searches load the index themselves and report the error there; serving goes on.
            Log.VectorIndexWarmupFailed(_logger, ex);
        }
        finally
        {
            _readiness.SetReady(Component);
        }
    }
}
