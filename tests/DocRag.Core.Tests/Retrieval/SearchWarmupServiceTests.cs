using DocRag.Core.Embeddings;
using DocRag.Core.Hosting;
using DocRag.Core.Retrieval;
using DocRag.TestSupport;
using DocRag.TestSupport.Onnx;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DocRag.Core.Tests.Retrieval;

public sealed class SearchWarmupServiceTests : IDisposable
{
    private readonly VectorStoreFixture _fixture = new();
    private readonly TempDirectory _models = new("docrag-warmup-models");

    [Fact]
    public async Task Execute_WithEmbedder_LoadsTheVectorIndexAndReportsReady()
    {
        await _fixture.WriteAsync("/docs/a.txt", 7);
        var folder = EmbeddingModelFolderWriter.Write(_models.Combine("tiny"), new EmbeddingFolderSpec());
        using var host = new EmbeddingModelHost(
            Options.Create(new EmbeddingOptions { Model = folder, ExecutionProvider = "cpu", IntraOpThreads = 1 }),
            Options.Create(new DocRagOptions { DataDirectory = _models.Path }),
            NullLogger<EmbeddingModelHost>.Instance);
        using var index = new VectorIndex(_fixture.Store);
        var readiness = new ReadinessState();
        using var warmup = new SearchWarmupService(_fixture.Store, index, host, readiness, NullLogger<SearchWarmupService>.Instance);

        Assert.Contains(readiness.Current.Pending, p => p.Component == SearchWarmupService.Component);
        await warmup.StartAsync(CancellationToken.None);
        await warmup.ExecuteTask!;

        Assert.True(readiness.IsReady);
        Assert.Equal(7, index.Count);
        Assert.Equal(1, index.FullLoads);
        Assert.False(await _fixture.Store.EnsureFullTextAnalyzerAsync()); // already brought up to date
    }

    [Fact]
    public async Task Execute_WithoutEmbedder_LeavesTheVectorIndexUnloadedAndReportsReady()
    {
        await _fixture.WriteAsync("/docs/a.txt", 3);
        using var host = new EmbeddingModelHost(
            Options.Create(new EmbeddingOptions { Model = EmbeddingOptions.NoModel }),
            Options.Create(new DocRagOptions { DataDirectory = _models.Path }),
            NullLogger<EmbeddingModelHost>.Instance);
        using var index = new VectorIndex(_fixture.Store);
        var readiness = new ReadinessState();
        using var warmup = new SearchWarmupService(_fixture.Store, index, host, readiness, NullLogger<SearchWarmupService>.Instance);

        await warmup.StartAsync(CancellationToken.None);
        await warmup.ExecuteTask!;

        Assert.True(readiness.IsReady);
        Assert.Equal(0, index.FullLoads);
    }

    public void Dispose()
    {
        _fixture.Dispose();
        _models.Dispose();
    }
}
