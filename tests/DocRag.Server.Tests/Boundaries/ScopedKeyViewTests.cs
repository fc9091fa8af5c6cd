using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocRag.Core.Hosting;
using DocRag.Server.Endpoints;
using DocRag.Server.Tests.Problems;
using DocRag.TestSupport;
using DocRag.TestSupport.Onnx;

namespace DocRag.Server.Tests.Boundaries;

/// <summary>
/// Issue 16, case 7: a scoped key sees paths relative to its collection, no server folder in messages, and no
/// whole-index metrics; an unscoped key sees what it saw before.
/// </summary>
public sealed class ScopedKeyViewTests
{
    [Fact]
    public async Task SearchAndAsk_ScopedKey_PathsRelativeToTheCollection()
    {
        await using var server = await BoundaryServer.StartAsync();

        using var search = await SearchAsync(server, ServerHost.BobKey, new { query = "walrus ice" });
        using var all = await SearchAsync(server, ServerHost.AliceKey, new { query = "walrus ice" });
        using var ask = await PostAsync(server, "/v1/ask", ServerHost.BobKey, new { question = "Where do walruses gather?", mode = "extractive" });
        using var chat = await PostAsync(server, "/v1/chat/completions", ServerHost.BobKey, new { messages = new[] { new { role = "user", content = "Where do walruses gather?" } } });

        Assert.Equal("own.md", search.RootElement.GetProperty("hits")[0].GetProperty("path").GetString());
        Assert.Equal(Path.Combine(server.Alpha, "own.md"), all.RootElement.GetProperty("hits")[0].GetProperty("path").GetString());
        Assert.Equal("own.md", ask.RootElement.GetProperty("citations")[0].GetProperty("path").GetString());
        Assert.Equal("own.md", chat.RootElement.GetProperty("sources")[0].GetProperty("path").GetString());
        foreach (var body in new[] { search, ask, chat })
        {
            Assert.DoesNotContain(server.Alpha, body.RootElement.GetRawText(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Metrics_ScopedKey_403UnscopedKey_200()
    {
        await using var server = await BoundaryServer.StartAsync();

        using var scoped = await server.Client.SendAsync(HttpMethod.Get, "/metrics", ServerHost.BobKey);
        using var admin = await server.Client.SendAsync(HttpMethod.Get, "/metrics", ServerHost.AliceKey);

        await ProblemExceptionHandlerTests.ReadProblemAsync(scoped, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Contains("docrag_", await admin.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelsAndModeReason_ScopedKey_NoServerFolder()
    {
        using var models = new TempDirectory("docrag-scoped-models");
        var onnx = Path.Combine(EmbeddingModelFolderWriter.Write(models.Combine("tiny-embedder"), new EmbeddingFolderSpec()), "model.onnx");
        File.WriteAllBytes(onnx, File.ReadAllBytes(onnx)[..64]); // damaged: the reason names the file by its full path
        await using var server = await BoundaryServer.StartAsync(new Dictionary<string, string?>
        {
            [DocRagEnvironment.ModelsKey] = models.Path,
            ["DocRag:Embedding:Model"] = models.Combine("tiny-embedder"),
        });
        var admin = await Polling.UntilAsync(
            () => server.Client.GetJsonAsync<ModelsResponse>("/v1/models", ServerHost.AliceKey), m => m.Embedding.State == "failed", "the embedder failed");

        var scoped = await server.Client.GetJsonAsync<ModelsResponse>("/v1/models", ServerHost.BobKey);
        using var search = await SearchAsync(server, ServerHost.BobKey, new { query = "walrus" });

        Assert.Contains(models.Path, admin.Embedding.Reason, StringComparison.Ordinal); // what an unscoped key is told
        Assert.DoesNotContain(models.Path, scoped.Embedding.Reason, StringComparison.Ordinal);
        Assert.Contains("model.onnx", scoped.Embedding.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(models.Path, JsonSerializer.Serialize(scoped), StringComparison.Ordinal);
        Assert.DoesNotContain(models.Path, search.RootElement.GetProperty("modeReason").GetString()!, StringComparison.Ordinal);
        using var embeddings = await server.Client.SendAsync(HttpMethod.Post, "/v1/embeddings", ServerHost.BobKey, JsonContent.Create(new { input = "walrus" }));
        var problem = await ProblemExceptionHandlerTests.ReadProblemAsync(embeddings, HttpStatusCode.ServiceUnavailable, "service-unavailable");
        Assert.DoesNotContain(models.Path, problem.Detail, StringComparison.Ordinal);
    }

    private static Task<JsonDocument> SearchAsync(BoundaryServer server, string key, object body) => PostAsync(server, "/v1/search", key, body);

    private static async Task<JsonDocument> PostAsync(BoundaryServer server, string url, string key, object body)
    {
        using var response = await server.Client.SendAsync(HttpMethod.Post, url, key, JsonContent.Create(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text);
    }
}
