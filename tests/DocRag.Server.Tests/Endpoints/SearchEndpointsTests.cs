using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace DocRag.Server.Tests.Endpoints;

/// <summary><c>POST /v1/search</c> over real HTTP and a real index, without an embedding model.</summary>
public sealed class SearchEndpointsTests
{
    private static readonly Dictionary<string, string?> NoModel = new() { ["DocRag:Embedding:Model"] = "none" };

    [Fact]
    public async Task Search_Keyword_200WithHitFields()
    {
        await using var server = await SearchServer.StartAsync(NoModel);

        using var response = await server.Client.PostAsJsonAsync("/v1/search", new { query = "emperor penguins", topK = 5 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("keyword", root.GetProperty("mode").GetString());
        Assert.Contains("no embedding model", root.GetProperty("modeReason").GetString(), StringComparison.Ordinal);
        Assert.Contains("penguin", root.GetProperty("terms").EnumerateArray().Select(t => t.GetString()));
        var hit = root.GetProperty("hits")[0];
        Assert.True(hit.GetProperty("documentId").GetInt64() > 0);
        Assert.True(hit.GetProperty("chunkId").GetInt64() > 0);
        Assert.EndsWith("penguins.txt", hit.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.Equal("eng", hit.GetProperty("collection").GetString());
        Assert.Equal(1, hit.GetProperty("page").GetInt32());
        Assert.Equal(JsonValueKind.String, hit.GetProperty("heading").ValueKind);
        Assert.Contains("Emperor penguins", hit.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(hit.GetProperty("score").GetDouble() > 0);
        Assert.Equal(1, hit.GetProperty("keywordRank").GetInt32());
        Assert.Equal(JsonValueKind.Null, hit.GetProperty("vectorRank").ValueKind);
        Assert.True(root.GetProperty("timings").GetProperty("total").GetDouble() >= 0);
    }

    [Fact]
    public async Task Search_Filters_PathPrefixAndType()
    {
        await using var server = await SearchServer.StartAsync(NoModel);

        var html = await HitsAsync(server.Client, new { query = "server", type = "html", topK = 20 });
        var notes = await HitsAsync(server.Client, new { query = "penguins server", pathPrefix = Path.Combine(server.EngineeringPath, "notes") + "/" });
        var policies = await HitsAsync(server.Client, new { query = "server", collection = "policies" });

        Assert.Equal(["html"], html.Select(h => h.GetProperty("type").GetString()).Distinct());
        Assert.All(notes, h => Assert.Contains("/notes/", h.GetProperty("path").GetString(), StringComparison.Ordinal));
        Assert.NotEmpty(notes);
        Assert.Equal(["policies"], policies.Select(h => h.GetProperty("collection").GetString()).Distinct());
    }

    [Theory]
    [InlineData("""{"query":""}""", "query")]
    [InlineData("""{"query":"   "}""", "query")]
    [InlineData("""{"topK":5}""", "query")]
    [InlineData("""{"query":"penguins","topK":0}""", "topK")]
    [InlineData("""{"query":"penguins","topK":101}""", "topK")]
    [InlineData("""{"query":"penguins","mode":"fuzzy"}""", "mode")]
    public async Task Search_InvalidField_400ValidationFailed(string body, string field)
    {
        await using var server = await SearchServer.StartAsync(NoModel);

        using var response = await server.Client.PostAsync("/v1/search", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<Problem>())!;
        Assert.Equal("validation-failed", problem.Code);
        Assert.True(problem.Extensions["errors"].TryGetProperty(field, out _), $"errors should name {field}");
    }

    [Fact]
    public async Task Search_WrongJsonType_400InvalidJson()
    {
        await using var server = await SearchServer.StartAsync(NoModel);

        using var response = await server.Client.PostAsync("/v1/search", new StringContent("""{"query":"x","topK":"ten"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid-json", (await response.Content.ReadFromJsonAsync<Problem>())!.Code);
    }

    [Theory]
    [InlineData("vector")]
    [InlineData("hybrid")]
    public async Task Search_VectorModeWithoutModel_503ServiceUnavailable(string mode)
    {
        await using var server = await SearchServer.StartAsync(NoModel);

        using var response = await server.Client.PostAsJsonAsync("/v1/search", new { query = "penguins", mode });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<Problem>())!;
        Assert.Equal("service-unavailable", problem.Code);
        Assert.Contains("no embedding model", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("mode keyword", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_PunctuationOnlyQuery_200NoHits()
    {
        await using var server = await SearchServer.StartAsync(NoModel);

        var hits = await HitsAsync(server.Client, new { query = "?!? --" });

        Assert.Empty(hits);
    }

    [Fact]
    public async Task OpenApi_DescribesSearch()
    {
        await using var server = await SearchServer.StartAsync(NoModel);

        using var document = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var operation = document.RootElement.GetProperty("paths").GetProperty("/v1/search").GetProperty("post");
        Assert.Equal("Search", operation.GetProperty("operationId").GetString());
        Assert.True(operation.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        foreach (var status in new[] { "200", "400", "401", "403", "503" })
        {
            Assert.True(operation.GetProperty("responses").TryGetProperty(status, out _), $"missing response {status}");
        }

        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var hit = schemas.GetProperty("SearchHitResponse").GetProperty("properties");
        foreach (var field in new[] { "documentId", "path", "collection", "page", "heading", "text", "score", "keywordRank", "vectorRank", "chunkId" })
        {
            Assert.True(hit.TryGetProperty(field, out _), $"hit schema lacks {field}");
        }
    }

    internal static async Task<JsonElement[]> HitsAsync(HttpClient client, object body, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/search") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Authorization = new("Bearer", key);
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.Clone()).ToArray();
    }
}
