using System.ClientModel;
using DocRag.Core.Generation;
using DocRag.Core.Remote;
using DocRag.TestSupport;
using Microsoft.Extensions.AI;

namespace DocRag.Core.Tests.Remote;

public sealed class OpenAiChatClientTests : IAsyncLifetime
{
    private OpenAiTestServer _server = null!;

    public async Task InitializeAsync() => _server = await OpenAiTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GetStreamingResponseAsync_StreamsThePiecesWithUsageAndSendsTheSettings()
    {
        _server.Reply = ["Two ", "years ", "[1]."];
        using var client = new OpenAiChatClient(Endpoint(apiKey: "remote-secret"));
        ChatMessage[] messages = [new(ChatRole.System, "Answer from passages."), new(ChatRole.User, "Hi"), new(ChatRole.Assistant, "Hello"), new(ChatRole.User, "How long?")];

        var updates = await client.GetStreamingResponseAsync(messages, new ChatOptions { MaxOutputTokens = 64, Temperature = 0.3f, TopP = 0.9f, Seed = 5, StopSequences = ["END"] }).ToListAsync();

        Assert.Equal("Two years [1].", string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(["Two ", "years ", "[1]."], updates.Select(u => u.Text).Where(t => t.Length > 0));
        var usage = updates.SelectMany(u => u.Contents).OfType<UsageContent>().Single().Details;
        Assert.Equal((42L, 3L), (usage.InputTokenCount!.Value, usage.OutputTokenCount!.Value));
        Assert.Contains(updates, u => u.FinishReason == ChatFinishReason.Stop);
        var request = Assert.Single(_server.Requests);
        Assert.Equal(("/v1/chat/completions", "Bearer remote-secret"), (request.Path, request.Authorization));
        Assert.Equal("remote-model", request.Body["model"]!.GetValue<string>());
        Assert.True(request.Body["stream"]!.GetValue<bool>());
        Assert.Equal(["system", "user", "assistant", "user"], request.Body["messages"]!.AsArray().Select(m => m!["role"]!.GetValue<string>()));
        Assert.Equal(0.3f, request.Body["temperature"]!.GetValue<float>());
        Assert.Equal(5, request.Body["seed"]!.GetValue<long>());
        Assert.Equal("END", request.Body["stop"]!.AsArray().Single()!.GetValue<string>());
    }

    [Fact]
    public async Task GetResponseAsync_NotStreamed_OneMessageWithUsage()
    {
        _server.Reply = ["Two years", " [1]."];
        using var client = new OpenAiChatClient(Endpoint());

        var response = await client.GetResponseAsync([new(ChatRole.User, "How long?")]);

        Assert.Equal("Two years [1].", response.Text);
        Assert.Equal((42L, 3L), (response.Usage!.InputTokenCount!.Value, response.Usage.OutputTokenCount!.Value));
        Assert.Equal("remote-model", response.ModelId);
        Assert.False(_server.Requests.Single().Body["stream"]?.GetValue<bool>() ?? false);
    }

    [Fact]
    public async Task Request_WithoutApiKey_SendsNoAuthorization()
    {
        using var client = new OpenAiChatClient(Endpoint());

        await client.GetResponseAsync([new(ChatRole.User, "Hi")]);

        Assert.Equal("", _server.Requests.Single().Authorization);
    }

    [Fact]
    public async Task Request_ServerFails_ClientResultExceptionWithTheStatus()
    {
        _server.FailWith = 500;
        using var client = new OpenAiChatClient(Endpoint());

        var error = await Assert.ThrowsAsync<ClientResultException>(() => client.GetStreamingResponseAsync([new(ChatRole.User, "Hi")]).ToListAsync().AsTask());

        Assert.Equal(500, error.Status);
    }

    [Fact]
    public void GetService_ReportsTheConfiguredContextAndModel()
    {
        using var client = new OpenAiChatClient(Endpoint());

        var info = client.GetService<GenerationModelInfo>()!;
        Assert.Equal((2048, "remote-model", "remote"), (info.ContextSize, info.ModelId, info.Device));
        Assert.Equal("remote-model", client.GetService<ChatClientMetadata>()!.DefaultModelId);
        Assert.Null(client.GetService<DocRag.Core.Text.ITokenCounter>());
    }

    private RemoteEndpointOptions Endpoint(string? apiKey = null) => new()
    {
        Url = _server.BaseUrl.ToString(),
        Model = "remote-model",
        ApiKey = apiKey,
        ContextSize = 2048,
        MaxRetries = 0,
    };
}
