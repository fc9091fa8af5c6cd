using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocRag.Core.Hosting;
using DocRag.Server.Tests.Problems;
using DocRag.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace DocRag.Server.Tests.Endpoints;

[Collection(LlamaServerGroup.Name)]
public sealed class AskEndpointsTests
{
    private static readonly Uri Ask = new("/v1/ask", UriKind.Relative);

    [Fact]
    public async Task OpenApi_DescribesAskChatCompletionsAndEmbeddings()
    {
        await using var host = await ServerHost.StartAsync();

        using var document = JsonDocument.Parse(await host.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var paths = document.RootElement.GetProperty("paths");
        foreach (var (path, operationId) in new[] { ("/v1/ask", "Ask"), ("/v1/chat/completions", "CreateChatCompletion"), ("/v1/embeddings", "CreateEmbeddings") })
        {
            var post = paths.GetProperty(path).GetProperty("post");
            Assert.Equal(operationId, post.GetProperty("operationId").GetString());
            Assert.True(post.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
            Assert.True(post.GetProperty("responses").TryGetProperty("503", out _), $"{path} should document 503");
        }

        var ask = paths.GetProperty("/v1/ask").GetProperty("post").GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.True(ask.TryGetProperty("application/json", out _));
        Assert.True(ask.TryGetProperty("text/event-stream", out _));
    }

    [Fact]
    public async Task Ask_Json_ExtractiveAnswerWithCitations()
    {
        await using var server = await IndexedServer.WithoutGeneratorAsync();

        using var response = await server.Client.PostAsJsonAsync(Ask, new { question = "How long does the warranty last?" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("extractive", answer.GetProperty("mode").GetString());
        Assert.False(answer.GetProperty("noAnswer").GetBoolean());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("noAnswerReason").ValueKind);
        Assert.StartsWith("The warranty lasts two years from the date of purchase. [1]", answer.GetProperty("text").GetString(), StringComparison.Ordinal);
        var citation = answer.GetProperty("citations")[0];
        Assert.Equal(1, citation.GetProperty("n").GetInt32());
        Assert.Equal(JsonValueKind.Number, citation.GetProperty("documentId").ValueKind);
        Assert.EndsWith("warranty.txt", citation.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.Equal(("docs", 1, "warranty"), (citation.GetProperty("collection").GetString(), citation.GetProperty("page").GetInt32(), citation.GetProperty("title").GetString()));
        Assert.Equal("The warranty lasts two years from the date of purchase.", citation.GetProperty("snippet").GetString());
        Assert.True(citation.GetProperty("score").GetDouble() > 0);
        Assert.Equal(0, answer.GetProperty("usage").GetProperty("outputTokens").GetInt32());
        Assert.Equal(("en", "keyword"), (answer.GetProperty("language").GetString(), answer.GetProperty("searchMode").GetString()));
    }

    [Fact]
    public async Task Ask_Sse_TokenCitationsDoneFromTheRemoteGenerator_InvalidCitationRemoved()
    {
        await using var openAi = await OpenAiTestServer.StartAsync();
        openAi.Reply = ["The warranty ", "lasts two years [", "1] [5", "]."];
        await using var server = await IndexedServer.WithRemoteGeneratorAsync(openAi.BaseUrl);

        using var response = await server.Client.PostAsJsonAsync(Ask, new { question = "How long does the warranty last?", stream = true });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = await SseEvents.ReadAsync(response);
        Assert.Equal(["token", "token", "token", "token", "citations", "done"], events.Select(e => e.Type));
        var text = string.Concat(events.Where(e => e.Type == "token").Select(e => e.Data.GetProperty("text").GetString()));
        Assert.Equal("The warranty lasts two years [1].", text);
        var citations = events[^2].Data.GetProperty("citations");
        Assert.Equal(1, citations.GetArrayLength());
        Assert.EndsWith("warranty.txt", citations[0].GetProperty("path").GetString(), StringComparison.Ordinal);
        var done = events[^1].Data;
        Assert.Equal(("generative", text, "served-model"), (done.GetProperty("mode").GetString(), done.GetProperty("text").GetString(), done.GetProperty("model").GetString()));
        Assert.Equal((42, 3), (done.GetProperty("usage").GetProperty("promptTokens").GetInt32(), done.GetProperty("usage").GetProperty("outputTokens").GetInt32()));
        Assert.False(done.GetProperty("noAnswer").GetBoolean());
        var metrics = await server.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains("docrag_generation_tokens_total 3", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_SseWithLlama_StreamsAndCitesOnlyGivenPassages()
    {
        await using var server = await IndexedServer.WithLlamaAsync();

        using var response = await server.Client.PostAsJsonAsync(Ask, new { question = "How long does the warranty last?", stream = true, seed = 3 });

        var events = await SseEvents.ReadAsync(response);
        Assert.Equal(["citations", "done"], events.TakeLast(2).Select(e => e.Type));
        Assert.All(events.SkipLast(2), e => Assert.Equal("token", e.Type));
        var done = events[^1].Data;
        Assert.Equal(("generative", "tiny-llama"), (done.GetProperty("mode").GetString(), done.GetProperty("model").GetString()));
        var passages = done.GetProperty("passages").GetInt32();
        Assert.InRange(passages, 1, 3);
        Assert.InRange(done.GetProperty("usage").GetProperty("outputTokens").GetInt32(), 1, 16);
        Assert.All(done.GetProperty("citations").EnumerateArray(), c => Assert.InRange(c.GetProperty("n").GetInt32(), 1, passages));
    }

    [Fact]
    public async Task Ask_NothingRelevant_NoAnswerWithoutCallingTheGenerator()
    {
        await using var openAi = await OpenAiTestServer.StartAsync();
        await using var server = await IndexedServer.WithRemoteGeneratorAsync(openAi.BaseUrl);

        var answer = await (await server.Client.PostAsJsonAsync(Ask, new { question = "¿Quién pintó la Gioconda?" })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Empty(openAi.Requests);
        Assert.True(answer.GetProperty("noAnswer").GetBoolean());
        Assert.Equal("no-passages", answer.GetProperty("noAnswerReason").GetString());
        Assert.Equal("Los documentos no contienen la respuesta a esta pregunta.", answer.GetProperty("text").GetString());
        Assert.Equal(0, answer.GetProperty("citations").GetArrayLength());
    }

    [Fact]
    public async Task Ask_ScopedKey_OnlyItsCollections()
    {
        await using var server = await IndexedServer.WithoutGeneratorAsync(ServerHost.WithKeys("hr"));
        using var request = new HttpRequestMessage(HttpMethod.Post, Ask) { Content = JsonContent.Create(new { question = "How long does the warranty last? holidays" }) };
        request.Headers.Authorization = new("Bearer", ServerHost.BobKey);
        using var forbidden = new HttpRequestMessage(HttpMethod.Post, Ask) { Content = JsonContent.Create(new { question = "warranty", collection = "docs" }) };
        forbidden.Headers.Authorization = new("Bearer", ServerHost.BobKey);

        var answer = await (await server.Client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        using var refused = await server.Client.SendAsync(forbidden);

        Assert.All(answer.GetProperty("citations").EnumerateArray(), c => Assert.Equal("hr", c.GetProperty("collection").GetString()));
        Assert.Equal(1, answer.GetProperty("citations").GetArrayLength());
        await ProblemExceptionHandlerTests.ReadProblemAsync(refused, HttpStatusCode.Forbidden, "collection-forbidden");
    }

    [Theory]
    [InlineData("{\"question\":\"\"}", "question")]
    [InlineData("{\"question\":\"x\",\"topK\":0}", "topK")]
    [InlineData("{\"question\":\"x\",\"searchMode\":\"fuzzy\"}", "searchMode")]
    public async Task Ask_InvalidField_ValidationProblem(string body, string field)
    {
        await using var server = await IndexedServer.WithoutGeneratorAsync();

        using var response = await server.Client.PostAsync(Ask, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemExceptionHandlerTests.ReadProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.Extensions["errors"].TryGetProperty(field, out _), $"errors should name {field}");
    }

    [Fact]
    public async Task Ask_UnknownMode_InvalidJson()
    {
        await using var server = await IndexedServer.WithoutGeneratorAsync();

        using var response = await server.Client.PostAsync(Ask, new StringContent("{\"question\":\"x\",\"mode\":\"creative\"}", System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemExceptionHandlerTests.ReadProblemAsync(response, HttpStatusCode.BadRequest, "invalid-json");
        Assert.Equal("$.mode", problem.Extensions["path"].GetString());
    }

    [Fact]
    public async Task Ask_GenerativeWithoutGenerator_503()
    {
        await using var server = await IndexedServer.WithoutGeneratorAsync();

        using var response = await server.Client.PostAsJsonAsync(Ask, new { question = "How long does the warranty last?", mode = "generative", stream = true });

        var problem = await ProblemExceptionHandlerTests.ReadProblemAsync(response, HttpStatusCode.ServiceUnavailable, "service-unavailable");
        Assert.Contains("extractive", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_WhileModelsLoad_503NotReady()
    {
        await using var server = await IndexedServer.WithoutGeneratorAsync();
        server.Host.Services.GetRequiredService<IReadinessState>().SetNotReady("generator", "loading generator model");

        using var response = await server.Client.PostAsJsonAsync(Ask, new { question = "warranty" });

        await ProblemExceptionHandlerTests.ReadProblemAsync(response, HttpStatusCode.ServiceUnavailable, "not-ready");
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Ask_GenerationQueueFull_429WithRetryAfter(bool stream)
    {
        await using var openAi = await OpenAiTestServer.StartAsync();
        openAi.Hold = new TaskCompletionSource();
        await using var server = await IndexedServer.WithRemoteGeneratorAsync(openAi.BaseUrl, new Dictionary<string, string?>
        {
            ["DocRag:Answering:MaxConcurrentGenerations"] = "1",
            ["DocRag:Answering:MaxQueuedGenerations"] = "0",
            ["DocRag:Answering:BusyRetryAfterSeconds"] = "4",
        });
        var first = server.Client.PostAsJsonAsync(Ask, new { question = "How long does the warranty last?" });
        await openAi.ChatReceived.Task;

        using var busy = await server.Client.PostAsJsonAsync(Ask, new { question = "How long does the warranty last?", stream });

        await ProblemExceptionHandlerTests.ReadProblemAsync(busy, HttpStatusCode.TooManyRequests, "service-busy");
        Assert.Equal(TimeSpan.FromSeconds(4), busy.Headers.RetryAfter!.Delta);
        openAi.Hold.SetResult();
        using var answered = await first;
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
    }

    [Fact]
    public async Task Ask_ClientDisconnects_GenerationStopsAndFreesItsSlot()
    {
        await using var openAi = await OpenAiTestServer.StartAsync();
        openAi.Hold = new TaskCompletionSource();
        await using var server = await IndexedServer.WithRemoteGeneratorAsync(openAi.BaseUrl, new Dictionary<string, string?>
        {
            ["DocRag:Answering:MaxConcurrentGenerations"] = "1",
            ["DocRag:Answering:MaxQueuedGenerations"] = "0",
        });
        using var disconnect = new CancellationTokenSource();
        var abandoned = server.Client.PostAsJsonAsync(Ask, new { question = "How long does the warranty last?", stream = true }, disconnect.Token);
        await openAi.ChatReceived.Task;

        await disconnect.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        await openAi.ChatAborted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        openAi.Hold = null;
        using var next = await WithRetryWhileBusyAsync(() => server.Client.PostAsJsonAsync(Ask, new { question = "How long does the warranty last?" }));
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Ask_RemoteGeneratorFailsBeforeAnyText_500Problem(bool stream)
    {
        await using var openAi = await OpenAiTestServer.StartAsync();
        openAi.FailWith = 500;
        await using var server = await IndexedServer.WithRemoteGeneratorAsync(openAi.BaseUrl);

        using var response = await server.Client.PostAsJsonAsync(Ask, new { question = "How long does the warranty last?", stream });

        var problem = await ProblemExceptionHandlerTests.ReadProblemAsync(response, HttpStatusCode.InternalServerError, "internal-error");
        Assert.DoesNotContain("scripted", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_Sse_GeneratorFailsAfterTheStreamStarted_EndsWithAnErrorEvent()
    {
        await using var openAi = await OpenAiTestServer.StartAsync();
        openAi.Reply = ["The warranty ", "lasts two years [1]."];
        openAi.BreakAfterChunks = 1;
        await using var server = await IndexedServer.WithRemoteGeneratorAsync(openAi.BaseUrl);

        using var response = await server.Client.PostAsJsonAsync(Ask, new { question = "How long does the warranty last?", stream = true });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = await SseEvents.ReadAsync(response);
        Assert.Equal(["token", "error"], events.Select(e => e.Type));
        var error = events[^1].Data;
        Assert.Equal(("internal-error", 500), (error.GetProperty("code").GetString(), error.GetProperty("status").GetInt32()));
        Assert.False(string.IsNullOrEmpty(error.GetProperty("correlationId").GetString()));
    }

    /// <summary>The slot of an abandoned answer is given back as its generation unwinds, a moment after the peer saw the close.</summary>
    private static async Task<HttpResponseMessage> WithRetryWhileBusyAsync(Func<Task<HttpResponseMessage>> send)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await send();
            if (response.StatusCode != HttpStatusCode.TooManyRequests || attempt == 50)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(100);
        }
    }
}
