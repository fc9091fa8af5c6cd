using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocRag.TestSupport;
using DocRag.TestSupport.Onnx;

namespace DocRag.Server.Tests.Endpoints;

/// <summary><c>POST /v1/search</c> with the server's own embedding model (a generated one): hybrid by default, vector on request.</summary>
public sealed class SearchEndpointsVectorTests : IDisposable
{
    private readonly TempDirectory _models = new("docrag-server-model");
    private readonly Dictionary<string, string?> _settings;

    public SearchEndpointsVectorTests()
    {
        var folder = EmbeddingModelFolderWriter.Write(_models.Combine("tiny"), new EmbeddingFolderSpec());
        _settings = new Dictionary<string, string?>
        {
            ["DocRag:Embedding:Model"] = folder,
            ["DocRag:Embedding:ExecutionProvider"] = "cpu",
            ["DocRag:Embedding:IntraOpThreads"] = "1",
        };
    }

    [Fact]
    public async Task Search_DefaultMode_IsHybridWithBothRanks()
    {
        await using var server = await SearchServer.StartAsync(_settings);

        using var response = await server.Client.PostAsJsonAsync("/v1/search", new { query = "server backup", topK = 20 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("hybrid", json.RootElement.GetProperty("mode").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("modeReason").ValueKind);
        var hits = json.RootElement.GetProperty("hits").EnumerateArray().ToArray();
        Assert.Contains(hits, h => h.GetProperty("keywordRank").ValueKind == JsonValueKind.Number && h.GetProperty("vectorRank").ValueKind == JsonValueKind.Number);
    }

    [Fact]
    public async Task Search_VectorMode_RanksEveryHitByVector()
    {
        await using var server = await SearchServer.StartAsync(_settings);

        var hits = await SearchEndpointsTests.HitsAsync(server.Client, new { query = "anything", mode = "vector", topK = 3, collection = "eng" });

        Assert.Equal(3, hits.Length);
        Assert.Equal([1, 2, 3], hits.Select(h => h.GetProperty("vectorRank").GetInt32()));
        Assert.All(hits, h => Assert.Equal("eng", h.GetProperty("collection").GetString()));
        Assert.All(hits, h => Assert.InRange(h.GetProperty("vectorSimilarity").GetDouble(), -1, 1));
    }

    public void Dispose() => _models.Dispose();
}
