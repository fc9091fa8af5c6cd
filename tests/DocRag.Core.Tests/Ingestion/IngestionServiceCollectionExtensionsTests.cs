using DocRag.Core.Hosting;
using DocRag.Core.Ingestion.Sync;
using DocRag.Core.Storage;
using DocRag.TestSupport;
using DocRag.TestSupport.Onnx;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DocRag.Core.Tests.Ingestion;

public sealed class IngestionServiceCollectionExtensionsTests : IDisposable
{
    private static readonly BertModelOptions Small = BertModelOptions.Tiny with { VocabSize = 200, HiddenSize = 16, Heads = 2, IntermediateSize = 32 };

    private readonly TempDirectory _root = new("docrag-di-sync");

    [Fact]
    public async Task FolderSync_FromComposition_EmbedsWithTheModelInTheModelsFolder()
    {
        EmbeddingModelFolderWriter.Write(_root.Combine("models", "small-model"), new EmbeddingFolderSpec { Model = Small });
        _root.WriteText("docs/a.md", "# Alpha\n\nThe first note talks about glaciers and ice.");
        _root.WriteText("docs/b.txt", "A second note about deserts and sand.");
        await using var services = Build(model: null);

        var report = await services.GetRequiredService<FolderSync>().SyncAsync(_root.Combine("docs"));

        Assert.Equal(2, report.Added);
        var stats = await services.GetRequiredService<IndexStore>().GetStatisticsAsync();
        Assert.NotNull(stats.EmbeddingModel);
        Assert.StartsWith("small-model@", stats.EmbeddingModel.ModelId, StringComparison.Ordinal);
        Assert.Equal(16, stats.EmbeddingModel.Dimension);
        Assert.Equal(stats.Chunks, stats.Vectors);
        Assert.Equal(0, stats.ChunksWithoutVectors);
    }

    [Fact]
    public async Task FolderSync_FromCompositionWithModelNone_IndexesKeywordOnly()
    {
        EmbeddingModelFolderWriter.Write(_root.Combine("models", "small-model"), new EmbeddingFolderSpec { Model = Small });
        _root.WriteText("docs/a.md", "# Alpha\n\nGlaciers and ice.");
        await using var services = Build(model: "none");

        await services.GetRequiredService<FolderSync>().SyncAsync(_root.Combine("docs"));

        var stats = await services.GetRequiredService<IndexStore>().GetStatisticsAsync();
        Assert.Null(stats.EmbeddingModel);
        Assert.True(stats.Chunks > 0);
        Assert.Equal(0, stats.Vectors);
    }

    public void Dispose() => _root.Dispose();

    private ServiceProvider Build(string? model)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DocRagEnvironment.DataKey] = _root.Combine("data"),
            [DocRagEnvironment.ModelsKey] = _root.Combine("models"),
            ["DocRag:Embedding:Model"] = model,
            ["DocRag:Embedding:ExecutionProvider"] = "cpu",
            ["DocRag:Embedding:IntraOpThreads"] = "1",
            ["DocRag:Generation:Model"] = "none",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddDocRag(configuration);
        return services.BuildServiceProvider();
    }
}
