using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocRag.Server.Tests.Problems;
using DocRag.TestSupport;
using OpenAI;
using OpenAI.Chat;

namespace DocRag.Server.Tests.Endpoints;

[Collection(LlamaServerGroup.Name)]
public sealed class ChatCompletionEndpointsTests
{
    private static readonly Uri Completions = new("/v1/chat/completions", UriKind.Relative);

    [Fact]
    public async Task OpenAiSdk_ChatCompletion_AnswerFromTheDocumentsWithSources()
    {
        await using var openAi = await OpenAiTestServer.StartAsync();
        openAi.Reply = ["The warranty lasts ", "two years [1]."];
        await using var server = await IndexedServer.WithRemoteGeneratorAsync(openAi.BaseUrl);

        var result = await Sdk(server).CompleteChatAsync([new UserChatMessage("How long does the warranty last?")]);

        var completion = result.Value;
        Assert.Equal("The warranty lasts two years [1].", completion.Content.Single().Text);
        Assert.Equal(ChatFinishReason.Stop, completion.FinishReason);
        Assert.Equal((42, 3, 45), (completion.Usage.InputTokenCount, completion.Usage.OutputTokenCount, completion.Usage.TotalTokenCount));
        Assert.Equal("served-model", completion.Model);
        Assert.StartsWith("chatcmpl-", completion.Id, StringComparison.Ordinal);
        var raw = JsonDocument.Parse(result.GetRawResponse().Content.ToString()).RootElement;
        Assert.Equal("chat.completion", raw.GetProperty("object").GetString());
        var source = Assert.Single(raw.GetProperty("sources").EnumerateArray());
        Assert.Equal(1, source.GetProperty("n").GetInt32());
        Assert.EndsWith("warranty.txt", source.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.Equal("generative", raw.GetProperty("docrag").GetProperty("mode").GetString());
        Assert.Contains("[1] Document: warranty", Assert.Single(openAi.Requests).Body["messages"]!.AsArray()[^1]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAiSdk_StreamedChatCompletion_TextAndUsage()
    {
        await using var openAi = await OpenAiTestServer.StartAsync();
        openAi.Reply = ["The warranty ", "lasts two years [1]", " and batteries one [2]."];
        await using var server = await IndexedServer.WithRemoteGeneratorAsync(openAi.BaseUrl);

        var updates = new List<StreamingChatCompletionUpdate>();
        await foreach (var update in Sdk(server).CompleteChatStreamingAsync([new UserChatMessage("How long does the warranty last?")]))
        {
            updates.Add(update);
        }

        Assert.Equal("The warranty lasts two years [1] and batteries one [2].", string.Concat(updates.SelectMany(u => u.ContentUpdate).Select(p => p.Text)));
        Assert.True(updates.Count(u => u.ContentUpdate.Count > 0) >= 3, "the answer should stream in pieces");
        Assert.Contains(updates, u => u.FinishReason == ChatFinishReason.Stop);
        var usage = updates.Last(u => u.Usage is not null).Usage;
        Assert.Equal((42, 3), (usage.InputTokenCount, usage.OutputTokenCount));
        Assert.All(updates, u => Assert.Equal(updates[0].CompletionId, u.CompletionId));
    }

    [Fact]
    public async Task OpenAiSdk_StreamedCompletionFromARealLlamaModel()
    {
        await using var server = await IndexedServer.WithLlamaAsync();

        var text = "";
        ChatFinishReason? finish = null;
        await foreach (var update in Sdk(server).CompleteChatStreamingAsync([new UserChatMessage("How long does the warranty last?")], new ChatCompletionOptions { MaxOutputTokenCount = 12 }))
        {
            text += string.Concat(update.ContentUpdate.Select(p => p.Text));
            finish = update.FinishReason ?? finish;
        }

        var completion = (await Sdk(server).CompleteChatAsync([new UserChatMessage("How long does the warranty last?")], new ChatCompletionOptions { MaxOutputTokenCount = 12 })).Value;
        Assert.NotNull(finish);
        Assert.Equal("tiny-llama", completion.Model);
        Assert.InRange(completion.Usage.OutputTokenCount, 1, 12);
        Assert.True(completion.Usage.InputTokenCount > 100);
    }

    [Fact]
    public async Task Stream_RawChunks_SameIdSourcesOnTheLastChunkThenDone()
    {
        await using var openAi = await OpenAiTestServer.StartAsync();
        openAi.Reply = ["Two years ", "[1]."];
        await using var server = await IndexedServer.WithRemoteGeneratorAsync(openAi.BaseUrl);

        using var response = await server.Client.PostAsJsonAsync(Completions, new
        {
            model = "anything",
            stream = true,
            messages = new object[] { new { role = "user", content = new[] { new { type = "text", text = "How long does the warranty last?" } } } },
        });

        var events = await SseEvents.ReadAsync(response);
        Assert.Equal(JsonValueKind.Undefined, events[^1].Data.ValueKind); // data: [DONE]
        var chunks = events.SkipLast(1).Select(e => e.Data).ToList();
        Assert.All(chunks, c => Assert.Equal(("chat.completion.chunk", chunks[0].GetProperty("id").GetString()), (c.GetProperty("object").GetString(), c.GetProperty("id").GetString())));
        Assert.Equal("assistant", chunks[0].GetProperty("choices")[0].GetProperty("delta").GetProperty("role").GetString());
        var last = chunks[^1];
        Assert.Equal("stop", last.GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        Assert.EndsWith("warranty.txt", last.GetProperty("sources")[0].GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.All(chunks.SkipLast(1), c => Assert.False(c.TryGetProperty("sources", out _)));
        var text = string.Concat(chunks.Select(c => c.GetProperty("choices")[0].GetProperty("delta")).Where(d => d.TryGetProperty("content", out _)).Select(d => d.GetProperty("content").GetString()));
        Assert.Equal("Two years [1].", text);
    }

    [Fact]
    public async Task OpenAiSdk_WithoutGenerator_ExtractiveCompletion()
    {
        await using var server = await IndexedServer.WithoutGeneratorAsync();

        var completion = (await Sdk(server).CompleteChatAsync([new UserChatMessage("How long does the warranty last?")])).Value;

        Assert.Equal("docrag-extractive", completion.Model);
        Assert.StartsWith("The warranty lasts two years from the date of purchase. [1]", completion.Content.Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RagOff_TheMessagesGoToTheGeneratorAsSent()
    {
        await using var openAi = await OpenAiTestServer.StartAsync();
        await using var server = await IndexedServer.WithRemoteGeneratorAsync(openAi.BaseUrl);

        using var response = await server.Client.PostAsJsonAsync(Completions, new
        {
            messages = new object[] { new { role = "system", content = "Be brief." }, new { role = "user", content = "Say hello" } },
            max_tokens = 20,
            docrag = new { rag = false },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Hello there.", body.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
        Assert.False(body.TryGetProperty("sources", out _));
        var sent = Assert.Single(openAi.Requests).Body;
        Assert.Equal(["Be brief.", "Say hello"], sent["messages"]!.AsArray().Select(m => m!["content"]!.GetValue<string>()));
        Assert.Equal(20, sent["max_completion_tokens"]?.GetValue<int>() ?? sent["max_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task Rag_EarlierTurnsAreContext()
    {
        await using var openAi = await OpenAiTestServer.StartAsync();
        await using var server = await IndexedServer.WithRemoteGeneratorAsync(openAi.BaseUrl);

        await Sdk(server).CompleteChatAsync([
            new SystemChatMessage("Talk like a pirate."), new UserChatMessage("What about batteries?"), new AssistantChatMessage("One year [1]."),
            new UserChatMessage("And the warranty?")]);

        var messages = Assert.Single(openAi.Requests).Body["messages"]!.AsArray();
        Assert.Equal(["system", "user", "assistant", "user"], messages.Select(m => m!["role"]!.GetValue<string>()));
        Assert.Equal("What about batteries?", messages[1]!["content"]!.GetValue<string>());
        Assert.DoesNotContain("pirate", messages[0]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("Question: And the warranty?", messages[3]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAiSdk_WrongKey_401WithTheMessageWhereOpenAiClientsLook()
    {
        await using var server = await IndexedServer.WithoutGeneratorAsync(ServerHost.WithKeys());

        var error = await Assert.ThrowsAsync<ClientResultException>(() => Sdk(server, "not-a-key-0123456789").CompleteChatAsync([new UserChatMessage("Hi")]));

        Assert.Equal(401, error.Status);
        var body = JsonDocument.Parse(error.GetRawResponse()!.Content.ToString()).RootElement;
        Assert.Equal("api-key-invalid", body.GetProperty("code").GetString());
        var openAiError = body.GetProperty("error");
        Assert.Equal(("authentication_error", "api-key-invalid"), (openAiError.GetProperty("type").GetString(), openAiError.GetProperty("code").GetString()));
        Assert.Equal(body.GetProperty("detail").GetString(), openAiError.GetProperty("message").GetString());
        // The SDK builds its exception message from OpenAI's error object: the reason to add it.
        Assert.Contains("(authentication_error: api-key-invalid)", error.Message, StringComparison.Ordinal);
        Assert.Contains(body.GetProperty("detail").GetString()!, error.Message, StringComparison.Ordinal);
        var ok = await Sdk(server, ServerHost.AliceKey).CompleteChatAsync([new UserChatMessage("How long does the warranty last?")]);
        Assert.Equal("docrag-extractive", ok.Value.Model);
    }

    [Theory]
    [InlineData("{\"messages\":[{\"role\":\"assistant\",\"content\":\"Hi\"}]}", "messages")]
    [InlineData("{\"messages\":[]}", "messages")]
    [InlineData("{\"messages\":[{\"role\":\"wizard\",\"content\":\"Hi\"}]}", "messages[0].role")]
    [InlineData("{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\"}]}]}", "messages")]
    [InlineData("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"stop\":7}", "stop")]
    [InlineData("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"max_tokens\":0}", "max_tokens")]
    [InlineData("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"docrag\":{\"topK\":500}}", "docrag.topK")]
    public async Task InvalidRequest_ValidationProblemWithOpenAiError(string body, string param)
    {
        await using var server = await IndexedServer.WithoutGeneratorAsync();

        using var response = await server.Client.PostAsync(Completions, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemExceptionHandlerTests.ReadProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        var error = problem.Extensions["error"];
        Assert.Equal(("invalid_request_error", param), (error.GetProperty("type").GetString(), error.GetProperty("param").GetString()));
    }

    [Fact]
    public async Task GeneratorFails_500ProblemWithOpenAiError()
    {
        await using var openAi = await OpenAiTestServer.StartAsync();
        openAi.FailWith = 502;
        await using var server = await IndexedServer.WithRemoteGeneratorAsync(openAi.BaseUrl);

        var error = await Assert.ThrowsAsync<ClientResultException>(() => Sdk(server).CompleteChatAsync([new UserChatMessage("How long does the warranty last?")]));

        Assert.Equal(500, error.Status);
        Assert.Contains("(server_error: internal-error)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("scripted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RagOffWithoutGenerator_503WithOpenAiError()
    {
        await using var server = await IndexedServer.WithoutGeneratorAsync();

        using var response = await server.Client.PostAsJsonAsync(Completions, new { messages = new[] { new { role = "user", content = "Hi" } }, docrag = new { rag = false } });

        var problem = await ProblemExceptionHandlerTests.ReadProblemAsync(response, HttpStatusCode.ServiceUnavailable, "service-unavailable");
        Assert.Equal("server_error", problem.Extensions["error"].GetProperty("type").GetString());
    }

    [Fact]
    public async Task OpenAiSdk_GenerationQueueFull_429()
    {
        await using var openAi = await OpenAiTestServer.StartAsync();
        openAi.Hold = new TaskCompletionSource();
        await using var server = await IndexedServer.WithRemoteGeneratorAsync(openAi.BaseUrl, new Dictionary<string, string?>
        {
            ["DocRag:Answering:MaxConcurrentGenerations"] = "1",
            ["DocRag:Answering:MaxQueuedGenerations"] = "0",
        });
        var first = Sdk(server).CompleteChatAsync([new UserChatMessage("How long does the warranty last?")]);
        await openAi.ChatReceived.Task;

        var busy = await Assert.ThrowsAsync<ClientResultException>(() => Sdk(server).CompleteChatAsync([new UserChatMessage("How long does the warranty last?")]));

        Assert.Equal(429, busy.Status);
        Assert.Equal("rate_limit_error", JsonDocument.Parse(busy.GetRawResponse()!.Content.ToString()).RootElement.GetProperty("error").GetProperty("type").GetString());
        openAi.Hold.SetResult();
        Assert.Equal("Hello there.", (await first).Value.Content.Single().Text);
    }

    /// <summary>The official OpenAI client pointed at DocRag (no retries, so refusals surface at once).</summary>
    internal static ChatClient Sdk(IndexedServer server, string key = "no-key-needed") =>
        new OpenAIClient(new ApiKeyCredential(key), Options(server)).GetChatClient("docrag");

    internal static OpenAIClientOptions Options(IndexedServer server) =>
        new() { Endpoint = new Uri(server.Host.Address, "/v1"), RetryPolicy = new ClientRetryPolicy(0) };
}
