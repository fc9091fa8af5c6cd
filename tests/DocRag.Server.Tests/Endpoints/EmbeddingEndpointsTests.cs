using System.ClientModel;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocRag.Core.Embeddings;
using DocRag.Server.Tests.Problems;
using DocRag.TestSupport;
using DocRag.TestSupport.Onnx;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using OpenAI;

namespace DocRag.Server.Tests.Endpoints;

public sealed class EmbeddingEndpointsTests : IDisposable
{
    private static readonly Uri Embeddings = new("/v1/embeddings", UriKind.Relative);

    private readonly TempDirectory _models = new("docrag-embed-endpoint");

    [Fact]
    public async Task OpenAiSdk_Embeddings_TheIndexEmbeddersVectors()
    {
        await using var host = await StartAsync();
        var sdk = new OpenAIClient(new ApiKeyCredential("unused"), new OpenAIClientOptions { Endpoint = new Uri(host.Address, "/v1") }).GetEmbeddingClient("any");

        var result = await sdk.GenerateEmbeddingsAsync(["hello world", "the warranty lasts two years"]);

        var embedder = (await host.Services.GetRequiredService<EmbeddingModelHost>().GetAsync())!;
        var expected = await embedder.GenerateAsync(["hello world", "the warranty lasts two years"]);
        Assert.Equal(2, result.Value.Count);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(i, result.Value[i].Index);
            Assert.Equal(expected[i].Vector.ToArray(), result.Value[i].ToFloats().ToArray());
        }

        Assert.StartsWith("embedder@", result.Value.Model, StringComparison.Ordinal);
        Assert.True(result.Value.Usage.InputTokenCount > 2);
    }

    [Fact]
    public async Task Embeddings_FloatFormatAndQueryInputType()
    {
        await using var host = await StartAsync();

        var body = await (await host.Client.PostAsJsonAsync(Embeddings, new { input = "warranty", encoding_format = "float", input_type = "query", dimensions = 16 }))
            .Content.ReadFromJsonAsync<JsonElement>();

        var embedder = (await host.Services.GetRequiredService<EmbeddingModelHost>().GetAsync())!;
        var expected = await embedder.GenerateAsync(["warranty"], EmbeddingPurposeExtensions.ForQuery());
        Assert.Equal("list", body.GetProperty("object").GetString());
        var data = Assert.Single(body.GetProperty("data").EnumerateArray());
        Assert.Equal("embedding", data.GetProperty("object").GetString());
        Assert.Equal(expected[0].Vector.ToArray(), data.GetProperty("embedding").EnumerateArray().Select(e => e.GetSingle()));
    }

    [Theory]
    [InlineData("{\"input\":\"x\",\"dimensions\":8}", "dimensions")]
    [InlineData("{\"input\":[]}", "input")]
    [InlineData("{\"input\":[1,2,3]}", "input")]
    [InlineData("{\"input\":\"\"}", "input")]
    [InlineData("{\"input\":\"x\",\"encoding_format\":\"hex\"}", "encoding_format")]
    public async Task Embeddings_InvalidRequest_400WithOpenAiError(string json, string param)
    {
        await using var host = await StartAsync();

        using var response = await host.Client.PostAsync(Embeddings, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemExceptionHandlerTests.ReadProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal(param, problem.Extensions["error"].GetProperty("param").GetString());
    }

    [Fact]
    public async Task Embeddings_NoEmbeddingModel_503()
    {
        await using var host = await ServerHost.StartAsync(new Dictionary<string, string?> { ["DocRag:Embedding:Model"] = "none" });

        using var response = await host.Client.PostAsJsonAsync(Embeddings, new { input = "x" });

        var problem = await ProblemExceptionHandlerTests.ReadProblemAsync(response, HttpStatusCode.ServiceUnavailable, "service-unavailable");
        Assert.Contains("No embedding model", problem.Detail, StringComparison.Ordinal);
        Assert.Equal("server_error", problem.Extensions["error"].GetProperty("type").GetString());
    }

    public void Dispose() => _models.Dispose();

    private async Task<ServerHost> StartAsync()
    {
        var folder = EmbeddingModelFolderWriter.Write(_models.Combine("embedder"), new EmbeddingFolderSpec
        {
            Model = BertModelOptions.Tiny with { VocabSize = 200, HiddenSize = 16, Heads = 2, IntermediateSize = 32 },
        });
        var host = await ServerHost.StartAsync(new Dictionary<string, string?>
        {
            ["DocRag:Embedding:Model"] = folder,
            ["DocRag:Embedding:ExecutionProvider"] = "cpu",
            ["DocRag:Embedding:IntraOpThreads"] = "1",
        });
        await IndexedServer.WaitReadyAsync(host.Services.GetRequiredService<Core.Hosting.IReadinessState>()); // the vector index loads at start
        return host;
    }
}
