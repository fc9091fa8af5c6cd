using DocRag.Core.Generation;
using DocRag.Core.Hosting;

namespace DocRag.Server.Hosting;

/// <summary>
/// Loads the local generator model when the server starts, so the first question does not wait for it; meanwhile the
/// <c>generator</c> component is not ready (readiness-gated endpoints answer 503 with Retry-After). Nothing is marked
/// when there is nothing to load (generation off, a remote endpoint, no model file), so such servers are ready at once.
/// </summary>
internal sealed class GeneratorWarmupService(GenerationModelHost generator, IReadinessState readiness, ILogger<GeneratorWarmupService> logger)
    : BackgroundService
{
    public const string Component = "generator";

    private bool _marked;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _marked = generator.HasModelToLoad;
        if (_marked)
        {
            readiness.SetNotReady(Component, "loading the generator model");
        }

        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // A model that cannot be loaded leaves answers extractive; the host logs why, the server stays up.
            await generator.GetAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.GeneratorWarmupFailed(logger, ex);
        }
        finally
        {
            if (_marked)
            {
                readiness.SetReady(Component);
            }
        }
    }
}
