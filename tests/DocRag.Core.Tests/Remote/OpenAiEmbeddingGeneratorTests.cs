using DocRag.Core.Embeddings;
using DocRag.Core.Remote;
using DocRag.TestSupport;
using Microsoft.Extensions.AI;

namespace DocRag.Core.Tests.Remote;

public sealed class OpenAiEmbeddingGeneratorTests : IAsyncLifetime
{
    private OpenAiTestServer _server = null!;

    public async Task InitializeAsync() => _server = await OpenAiTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GenerateAsync_BatchesInOrderWithThePurposePrefix()
    {
        var options = new EmbeddingOptions { BatchSize = 2, QueryPrefix = "query: ", PassagePrefix = "passage: " };
        using var generator = new OpenAiEmbeddingGenerator(Endpoint(), options, dimensions: 8);
        string[] texts = ["one", "two", "three", "four", "five"];

        var passages = await generator.GenerateAsync(texts);
        var query = await generator.GenerateAsync(["one"], EmbeddingPurposeExtensions.ForQuery());

        Assert.Equal(5, passages.Count);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(OpenAiTestServer.VectorFor("passage: " + texts[i], 8), passages[i].Vector.ToArray());
        }

        Assert.Equal(OpenAiTestServer.VectorFor("query: one", 8), query[0].Vector.ToArray());
        Assert.Equal(4, _server.Requests.Count); // 2 + 2 + 1 passages, then the query
        Assert.Equal("openai:remote-embedder", passages[0].ModelId);
        Assert.Equal(8, generator.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelDimensions);
    }

    [Fact]
    public async Task GenerateAsync_DimensionsConfigured_AskedOfTheServerAndInTheModelId()
    {
        using var generator = new OpenAiEmbeddingGenerator(Endpoint(dimensions: 4), new EmbeddingOptions(), dimensions: 4);

        var vectors = await generator.GenerateAsync(["x"]);

        Assert.Equal(4, vectors[0].Vector.Length);
        Assert.Equal(4, _server.Requests.Single().Body["dimensions"]!.GetValue<int>());
        Assert.Equal("openai:remote-embedder@4", generator.ModelId);
    }

    private RemoteEndpointOptions Endpoint(int? dimensions = null) => new()
    {
        Url = _server.BaseUrl.ToString(),
        Model = "remote-embedder",
        Dimensions = dimensions,
        MaxRetries = 0,
    };
}
