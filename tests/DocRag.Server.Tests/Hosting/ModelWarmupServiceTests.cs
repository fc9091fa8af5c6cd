using DocRag.Core.Embeddings;
using DocRag.Core.Generation;
using DocRag.Core.Hosting;
using DocRag.Server.Hosting;
using DocRag.Server.Tests.Indexing;
using DocRag.TestSupport;
using DocRag.TestSupport.Onnx;
using Microsoft.Extensions.DependencyInjection;

namespace DocRag.Server.Tests.Hosting;

public sealed class ModelWarmupServiceTests
{
    [Fact]
    public async Task Start_NoModels_NeverNotReadyAndTheHostsSayWhy()
    {
        using var services = new IndexServices();
        using var warmup = Warmup(services);
        var readiness = services.Get<IReadinessState>();

        await warmup.StartAsync(CancellationToken.None);
        var readyAtOnce = readiness.IsReady;
        await Polling.UntilAsync(
            () => Task.FromResult((services.Get<EmbeddingModelHost>().Status.State, services.Get<GenerationModelHost>().Status.State)),
            s => s == (EmbeddingModelState.Unavailable, GenerationModelState.NotFound), "both hosts to settle");
        await warmup.StopAsync(CancellationToken.None);

        Assert.True(readyAtOnce);
        Assert.True(readiness.IsReady);
    }

    [Fact]
    public async Task Start_EmbeddingModelPresent_PendingFromTheStartUntilLoaded()
    {
        using var models = new TempDirectory("docrag-warmup-models");
        EmbeddingModelFolderWriter.Write(models.Combine("tiny"), new EmbeddingFolderSpec());
        using var services = new IndexServices(new Dictionary<string, string?> { [DocRagEnvironment.ModelsKey] = models.Path });
        using var warmup = Warmup(services);
        var readiness = services.Get<IReadinessState>();
        var host = services.Get<EmbeddingModelHost>();

        await warmup.StartAsync(CancellationToken.None);
        var pendingOrLoaded = readiness.Current.Pending.Any(p => p.Component == ModelWarmupService.EmbedderComponent) || host.Status.State == EmbeddingModelState.Ready;
        await Polling.UntilAsync(() => Task.FromResult(readiness.IsReady), ready => ready, "the embedder to load");
        await warmup.StopAsync(CancellationToken.None);

        Assert.True(pendingOrLoaded);
        Assert.Equal(EmbeddingModelState.Ready, host.Status.State);
        Assert.Equal(32, host.Status.Dimensions);
    }

    // Built on its own: resolving every hosted service would construct others (the vector index warm-up marks itself
    // pending from construction) that these tests never start.
    private static ModelWarmupService Warmup(IndexServices services)
    {
        return ActivatorUtilities.CreateInstance<ModelWarmupService>(services.Provider);
    }
}
