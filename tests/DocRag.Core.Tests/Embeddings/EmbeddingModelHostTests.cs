using DocRag.Core.Embeddings;
using DocRag.Core.Hosting;
using DocRag.TestSupport;
using DocRag.TestSupport.Onnx;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DocRag.Core.Tests.Embeddings;

public sealed class EmbeddingModelHostTests : IDisposable
{
    private static readonly BertModelOptions Small = BertModelOptions.Tiny with { VocabSize = 200, HiddenSize = 16, Heads = 2, IntermediateSize = 32 };

    private readonly TempDirectory _models = new("docrag-host");

    [Fact]
    public async Task GetAsync_ModelFolder_LoadsOnceAndReportsReady()
    {
        EmbeddingModelFolderWriter.Write(_models.Combine("small-model"), new EmbeddingFolderSpec { Model = Small });
        using var host = Host(new EmbeddingOptions { ExecutionProvider = "cpu", IntraOpThreads = 1 });

        var first = await host.GetAsync();
        var second = await host.GetAsync();

        Assert.NotNull(first);
        Assert.Same(first, second);
        var status = host.Status;
        Assert.Equal(EmbeddingModelState.Ready, status.State);
        Assert.Equal(16, status.Dimensions);
        Assert.Equal("cpu", status.Device);
        Assert.StartsWith("small-model@", status.ModelId, StringComparison.Ordinal);
        var vectors = await first.GenerateAsync(["hello world"]);
        Assert.Equal(16, vectors[0].Vector.Length);
    }

    [Fact]
    public async Task GetAsync_ModelNone_IsNullAndSaysWhy()
    {
        EmbeddingModelFolderWriter.Write(_models.Combine("small-model"), new EmbeddingFolderSpec { Model = Small });
        using var host = Host(new EmbeddingOptions { Model = "none" });

        Assert.Equal(EmbeddingModelState.NotLoaded, host.Status.State);
        Assert.Null(await host.GetAsync());
        Assert.Equal(EmbeddingModelState.Unavailable, host.Status.State);
        Assert.Contains("turned off", host.Status.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_CorruptModel_IsNullAndFailedWithReason()
    {
        var folder = EmbeddingModelFolderWriter.Write(_models.Combine("broken"), new EmbeddingFolderSpec { Model = Small });
        File.WriteAllText(Path.Combine(folder, "model.onnx"), "not a model");
        using var host = Host(new EmbeddingOptions { Model = "broken", ExecutionProvider = "cpu" });

        Assert.Null(await host.GetAsync());
        Assert.Equal(EmbeddingModelState.Failed, host.Status.State);
        Assert.Contains(Path.Combine(folder, "model.onnx"), host.Status.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AddDocRag_RegistersTheHost()
    {
        using var provider = Provider(new() { ["DocRag:Embedding:Model"] = "none" });

        var host = provider.GetRequiredService<EmbeddingModelHost>();

        Assert.Same(host, provider.GetRequiredService<EmbeddingModelHost>());
        Assert.Equal(EmbeddingModelState.NotLoaded, host.Status.State);
    }

    [Fact]
    public void AddDocRag_BadEmbeddingSetting_FailsValidationNamingIt()
    {
        using var provider = Provider(new() { ["DocRag:Embedding:ExecutionProvider"] = "quantum" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<EmbeddingOptions>>().Value);

        Assert.Contains("DocRag:Embedding:ExecutionProvider", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _models.Dispose();

    private ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        settings["DocRag:ModelsDirectory"] = _models.Path;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddDocRag(configuration).BuildServiceProvider();
    }

    private EmbeddingModelHost Host(EmbeddingOptions options) =>
        new(Options.Create(options), Options.Create(new DocRagOptions { ModelsDirectory = _models.Path }), NullLogger<EmbeddingModelHost>.Instance);
}
