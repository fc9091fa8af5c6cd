using DocRag.Core.Embeddings;
using DocRag.Core.Generation;
using DocRag.Core.Hosting;
using Microsoft.Extensions.Options;

namespace DocRag.Server.Hosting;

/// <summary>
/// Loads the models in the background as the server starts, so the first question does not wait for them. While a
/// model that exists is loading, <c>/ready</c> reports it pending (<c>embedder</c>, <c>generator</c>); a model that
/// is absent or fails to load leaves the server ready in a reduced mode (keyword search, extractive answers), and
/// <c>/v1/models</c> says why.
/// </summary>
public sealed class ModelWarmupService(
    EmbeddingModelHost embedder,
    GenerationModelHost generator,
    IOptions<EmbeddingOptions> embeddingOptions,
    IOptions<DocRagOptions> docRag,
    IReadinessState readiness,
    ILogger<ModelWarmupService> logger) : IHostedService, IDisposable
{
    public const string EmbedderComponent = "embedder";
    public const string GeneratorComponent = "generator";

    private readonly CancellationTokenSource _stopping = new();
    private bool _disposed;
    private readonly List<Task> _loading = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Decided before the server listens, so there is no ready window before loading starts.
        var found = EmbeddingModelLocator.Locate(embeddingOptions.Value, docRag.Value.ModelsPath).Found;
        _loading.Add(WarmAsync(EmbedderComponent, "loading the embedding model", found, async token => await embedder.GetAsync(token).ConfigureAwait(false)));
        _loading.Add(WarmAsync(GeneratorComponent, "loading the generator model", generator.HasModelToLoad, async token => await generator.GetAsync(token).ConfigureAwait(false)));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_disposed)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }

        await Task.WhenAll(_loading).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    // A host may dispose its services before stopping them; then there is nothing left to cancel.
    public void Dispose()
    {
        _disposed = true;
        _stopping.Dispose();
    }

    private Task WarmAsync(string component, string reason, bool gatesReadiness, Func<CancellationToken, Task> load)
    {
        if (gatesReadiness)
        {
            readiness.SetNotReady(component, reason);
        }

        var stopping = _stopping.Token;
        return Task.Run(
            async () =>
            {
                try
                {
                    await load(stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    // Stopping.
                }
                catch (Exception ex)
                {
                    // The host's status carries the reason; the server runs without this model.
                    Log.ModelWarmupFailed(logger, component, ex);
                }
                finally
                {
                    if (gatesReadiness)
                    {
                        readiness.SetReady(component);
                    }
                }
            },
            CancellationToken.None);
    }
}
