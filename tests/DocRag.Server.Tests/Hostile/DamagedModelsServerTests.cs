using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocRag.Core.Hosting;
using DocRag.Core.Storage;
using DocRag.Server.Endpoints;
using DocRag.Server.Tests.Endpoints;
using DocRag.Server.Tests.Problems;
using DocRag.TestSupport;
using DocRag.TestSupport.Gguf;
using DocRag.TestSupport.Onnx;
using Microsoft.Extensions.DependencyInjection;

namespace DocRag.Server.Tests.Hostile;

/// <summary>
/// The real server over broken or mismatched model files: it says what is wrong, keeps searching by keyword and
/// answering extractively, and never damages the index.
/// </summary>
[Collection(LlamaLogSinkGroup.Name)]
public sealed class DamagedModelsServerTests : IDisposable
{
    private readonly TempDirectory _models = new("docrag-hostile-models");
    private readonly TempDirectory _docs = new("docrag-hostile-docs");
    private readonly TempDirectory _data = new("docrag-hostile-data");

    public DamagedModelsServerTests()
    {
        _docs.WriteText("penguins.txt", "Penguins are flightless birds.\n\nEmperor penguins breed during the Antarctic winter.");
        _docs.WriteText("install.md", "# Installing\n\nDownload the package and run the installer.");
    }

    [Fact]
    public async Task Start_TruncatedOnnxAndGguf_FailedWithReasonsKeywordSearchAndExtractiveAnswersServed()
    {
        var onnx = Path.Combine(EmbeddingModelFolderWriter.Write(_models.Combine("tiny-embedder"), new EmbeddingFolderSpec()), "model.onnx");
        Truncate(onnx, 2);
        Truncate(TestLlamaModel.WriteTiny(_models.Path), 3);
        await using var host = await ServerHost.StartAsync(Settings(folder: true));

        var models = await ModelsWhenSettledAsync(host);
        await IndexedAsync(host, 2);

        Assert.Equal(("failed", "failed"), (models.Embedding.State, models.Generator.State));
        Assert.Contains("model.onnx", models.Embedding.Reason, StringComparison.Ordinal);
        Assert.Contains("bytes missing", models.Generator.Reason, StringComparison.Ordinal);
        Assert.Equal(("keyword", "extractive"), (models.SearchMode, models.AnswerMode));
        using var search = await SearchAsync(host, new { query = "emperor penguins" });
        Assert.Equal("keyword", search.RootElement.GetProperty("mode").GetString());
        Assert.EndsWith("penguins.txt", search.RootElement.GetProperty("hits")[0].GetProperty("path").GetString(), StringComparison.Ordinal);
        using var ask = await host.Client.PostAsJsonAsync("/v1/ask", new { question = "When do emperor penguins breed?" });
        Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
        using var answer = JsonDocument.Parse(await ask.Content.ReadAsStringAsync());
        Assert.Equal("extractive", answer.RootElement.GetProperty("mode").GetString());
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Start_GgufThatAbortsLlamaCpp_GeneratorFailedAndTheServerKeepsAnswering()
    {
        // 4 query heads over 3 KV heads: the file loads, then a ggml assertion aborts the process on the first decode.
        TestLlamaModel.Write(_models.Combine("aborts.gguf"), LlamaModelShape.Tiny with { KvHeads = 3 });
        await using var host = await ServerHost.StartAsync(Settings(folder: true));

        var models = await ModelsWhenSettledAsync(host);
        await IndexedAsync(host, 2);

        Assert.Equal(("failed", "extractive"), (models.Generator.State, models.AnswerMode));
        Assert.Contains("crashed", models.Generator.Reason, StringComparison.Ordinal);
        using var ask = await host.Client.PostAsJsonAsync("/v1/ask", new { question = "When do emperor penguins breed?" });
        Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
        using var answer = JsonDocument.Parse(await ask.Content.ReadAsStringAsync());
        Assert.Equal("extractive", answer.RootElement.GetProperty("mode").GetString());
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Start_EmbedderOfAnotherDimension_VectorSearchRefusedIndexKeptUntilResynced()
    {
        EmbeddingModelFolderWriter.Write(_models.Combine("embedder-32"), new EmbeddingFolderSpec());
        IndexStatusResponse before;
        await using (var first = await ServerHost.StartAsync(Settings(folder: true)))
        {
            before = await IndexedAsync(first, 2, vectors: true);
        }

        Directory.Delete(_models.Combine("embedder-32"), recursive: true);
        EmbeddingModelFolderWriter.Write(_models.Combine("embedder-16"), new EmbeddingFolderSpec { Model = BertModelOptions.Tiny with { HiddenSize = 16, Seed = 7 } });
        await using (var second = await ServerHost.StartAsync(Settings(folder: false)))
        {
            var models = await ModelsWhenSettledAsync(second);
            Assert.Equal(("ready", 16), (models.Embedding.State, models.Embedding.Dimensions));

            using var hybrid = await SearchAsync(second, new { query = "emperor penguins" });
            using var vector = await second.Client.PostAsJsonAsync("/v1/search", new { query = "emperor penguins", mode = "vector" });

            Assert.Equal("keyword", hybrid.RootElement.GetProperty("mode").GetString());
            Assert.Contains("32 dimensions", hybrid.RootElement.GetProperty("modeReason").GetString(), StringComparison.Ordinal);
            Assert.NotEmpty(hybrid.RootElement.GetProperty("hits").EnumerateArray());
            var problem = await ProblemExceptionHandlerTests.ReadProblemAsync(vector, HttpStatusCode.ServiceUnavailable, "service-unavailable");
            Assert.Contains("sync the folders", problem.Detail, StringComparison.Ordinal);
            var status = await second.Client.GetJsonAsync<IndexStatusResponse>("/v1/index/status");
            Assert.Equal((before.Counts.Vectors, before.EmbeddingModel!.Dimension), (status.Counts.Vectors, status.EmbeddingModel!.Dimension));
            Assert.Equal("ok", await second.Services.GetRequiredService<IndexStore>().CheckIntegrityAsync());
        }

        // With the folder back, the sync re-embeds every chunk with the new model.
        await using var third = await ServerHost.StartAsync(Settings(folder: true));
        var after = await IndexedAsync(third, 2, vectors: true, dimension: 16);
        Assert.Equal(before.Counts.Chunks, after.Counts.Vectors);
        using var resynced = await SearchAsync(third, new { query = "emperor penguins", mode = "hybrid" });
        Assert.Equal("hybrid", resynced.RootElement.GetProperty("mode").GetString());
    }

    public void Dispose()
    {
        _models.Dispose();
        _docs.Dispose();
        _data.Dispose();
    }

    private Dictionary<string, string?> Settings(bool folder)
    {
        var settings = new Dictionary<string, string?> { [DocRagEnvironment.ModelsKey] = _models.Path, [DocRagEnvironment.DataKey] = _data.Path };
        if (folder)
        {
            settings["DocRag:Ingestion:Folders:0:Path"] = _docs.Path;
            settings["DocRag:Ingestion:Folders:0:Collection"] = "docs";
        }

        return settings;
    }

    private static void Truncate(string path, int keepOneIn)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
        stream.SetLength(stream.Length / keepOneIn); // an interrupted copy or download
    }

    private static async Task<ModelsResponse> ModelsWhenSettledAsync(ServerHost host)
    {
        await Polling.UntilAsync(async () => (await host.Client.GetAsync(new Uri("/ready", UriKind.Relative))).StatusCode, s => s == HttpStatusCode.OK, "ready");
        return await Polling.UntilAsync(
            () => host.Client.GetJsonAsync<ModelsResponse>("/v1/models"),
            m => m.Embedding.State is not ("notLoaded" or "loading") && m.Generator.State is not ("notLoaded" or "loading"),
            "model states");
    }

    private static Task<IndexStatusResponse> IndexedAsync(ServerHost host, int documents, bool vectors = false, int? dimension = null) =>
        Polling.UntilAsync(
            () => host.Client.GetJsonAsync<IndexStatusResponse>("/v1/index/status"),
            s => s.State == "idle" && s.Counts.Indexed == documents
                && (!vectors || (s.Counts.Vectors == s.Counts.Chunks && s.Counts.Chunks > 0))
                && (dimension is null || s.EmbeddingModel?.Dimension == dimension),
            "indexing");

    private static async Task<JsonDocument> SearchAsync(ServerHost host, object body)
    {
        using var response = await host.Client.PostAsJsonAsync("/v1/search", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
