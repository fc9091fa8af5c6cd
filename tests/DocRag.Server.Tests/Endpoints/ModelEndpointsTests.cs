using System.Net;
using DocRag.Core.Hosting;
using DocRag.Server.Endpoints;
using DocRag.TestSupport;
using DocRag.TestSupport.Gguf;
using DocRag.TestSupport.Onnx;

namespace DocRag.Server.Tests.Endpoints;

[Collection(LlamaLogSinkGroup.Name)]
public sealed class ModelEndpointsTests : IDisposable
{
    private readonly TempDirectory _models = new("docrag-api-models");

    [Fact]
    public async Task Models_NoModels_KeywordAndExtractiveWithNoticesAndTheCatalog()
    {
        await using var host = await ServerHost.StartAsync(Models());

        var models = await ReadyModelsAsync(host, m => m.Embedding.State != "notLoaded" && m.Generator.State != "notLoaded");

        Assert.Equal(("unavailable", "notFound"), (models.Embedding.State, models.Generator.State));
        Assert.Equal(("keyword", "extractive"), (models.SearchMode, models.AnswerMode));
        Assert.Equal(2, models.Notices.Count);
        Assert.Contains("keyword", models.Notices[0], StringComparison.Ordinal);
        Assert.Contains("extractive", models.Notices[1], StringComparison.Ordinal);
        var e5 = Assert.Single(models.Catalog, c => c.Name == "multilingual-e5-small");
        Assert.Equal(("embedding", false, "notDownloaded", "MIT"), (e5.Role, e5.Downloaded, e5.State, e5.Licence));
        Assert.True(e5.SizeBytes > 0);
        Assert.Contains(models.Catalog, c => c.Role == "generator");
        Assert.Empty(models.Local);
    }

    [Fact]
    public async Task Models_GeneratedOnnxEmbedder_ReadyHybridAndTheIndexIsEmbeddedWithIt()
    {
        EmbeddingModelFolderWriter.Write(_models.Combine("tiny-embedder"), new EmbeddingFolderSpec());
        using var docs = new TempDirectory("docrag-api-docs");
        docs.WriteText("a.md", "# Vectors\n\nEvery chunk gets a vector.");
        var settings = Models();
        settings["DocRag:Ingestion:Folders:0:Path"] = docs.Path;
        await using var host = await ServerHost.StartAsync(settings);

        var models = await ReadyModelsAsync(host, m => m.Embedding.State == "ready");
        var status = await Polling.UntilAsync(
            () => host.Client.GetJsonAsync<IndexStatusResponse>("/v1/index/status"), s => s.Counts.Indexed == 1 && s.State == "idle", "indexing");

        Assert.Equal(("tiny-embedder", 32, "cpu", "hybrid"), (models.Embedding.Folder, models.Embedding.Dimensions, models.Embedding.Device, models.SearchMode));
        Assert.StartsWith("tiny-embedder@", models.Embedding.ModelId, StringComparison.Ordinal);
        var local = Assert.Single(models.Local);
        Assert.Equal(("tiny-embedder", "embedding", true), (local.Name, local.Role, local.InUse));
        Assert.Equal((models.Embedding.ModelId, 32), (status.EmbeddingModel!.ModelId, status.EmbeddingModel.Dimension));
        Assert.Equal((status.Counts.Chunks, 0L), (status.Counts.Vectors, status.Counts.ChunksWithoutVectors));
    }

    [Fact]
    public async Task Models_DamagedEmbedder_FailedWithReasonAndTheServerStaysReady()
    {
        Directory.CreateDirectory(_models.Combine("broken"));
        File.WriteAllText(_models.Combine("broken", "model.onnx"), "not an onnx graph");
        File.WriteAllText(_models.Combine("broken", "vocab.txt"), EmbeddingModelFolderWriter.SmallVocabulary());
        await using var host = await ServerHost.StartAsync(Models());

        var models = await ReadyModelsAsync(host, m => m.Embedding.State is not ("notLoaded" or "loading"));

        Assert.Equal(("failed", "keyword"), (models.Embedding.State, models.SearchMode));
        Assert.False(string.IsNullOrEmpty(models.Embedding.Reason));
    }

    [Fact]
    public async Task Models_TinyGguf_GeneratorReadyWithContextAndDevice()
    {
        TestLlamaModel.WriteTiny(_models.Path);
        await using var host = await ServerHost.StartAsync(Models());

        var models = await ReadyModelsAsync(host, m => m.Generator.State is "ready" or "failed");

        Assert.Equal(("ready", "generative"), (models.Generator.State, models.AnswerMode));
        Assert.Equal(("tiny-llama.gguf", "CPU"), (models.Generator.File, models.Generator.Device));
        Assert.True(models.Generator.ContextSize > 0);
        Assert.Equal(new FileInfo(_models.Combine("tiny-llama.gguf")).Length, models.Generator.SizeBytes);
        Assert.Contains(models.Local, m => m is { Role: "generator", InUse: true });
        Assert.Single(models.Notices); // only the missing embedder's
    }

    [Fact]
    public async Task Models_KeysConfigured_AnyKeyReadsThemNoKeyIs401()
    {
        var settings = Models();
        foreach (var (key, value) in ServerHost.WithKeys("hr"))
        {
            settings[key] = value;
        }

        await using var host = await ServerHost.StartAsync(settings);

        using var anonymous = await host.Client.GetAsync(new Uri("/v1/models", UriKind.Relative));
        var scoped = await host.Client.GetJsonAsync<ModelsResponse>("/v1/models", ServerHost.BobKey);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.NotEmpty(scoped.Catalog);
    }

    public void Dispose() => _models.Dispose();

    private Dictionary<string, string?> Models() => new() { [DocRagEnvironment.ModelsKey] = _models.Path };

    /// <summary>/v1/models once /ready says the start-up loading is over and <paramref name="done"/> holds.</summary>
    private static async Task<ModelsResponse> ReadyModelsAsync(ServerHost host, Func<ModelsResponse, bool> done)
    {
        await Polling.UntilAsync(async () => (await host.Client.GetAsync(new Uri("/ready", UriKind.Relative))).StatusCode, s => s == HttpStatusCode.OK, "ready");
        return await Polling.UntilAsync(() => host.Client.GetJsonAsync<ModelsResponse>("/v1/models"), done, "model states");
    }
}
