using DocRag.Core.Answering;
using DocRag.Core.Hosting;
using DocRag.Core.Remote;
using DocRag.TestSupport;
using static DocRag.Core.Tests.Answering.AnswerServiceTests;

namespace DocRag.Core.Tests.Answering;

/// <summary>The answer pipeline with the remote generator over HTTP: the same citations and the same limits.</summary>
public sealed class AnswerServiceRemoteTests : IAsyncLifetime
{
    private OpenAiTestServer _server = null!;

    public async Task InitializeAsync() => _server = await OpenAiTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Answer_RemoteGenerator_CitationsCheckedAndContextFromTheSettings()
    {
        _server.Reply = ["Batteries are covered ", "for one year [2] [", "8]."];
        using var client = new OpenAiChatClient(new RemoteEndpointOptions { Url = _server.BaseUrl.ToString(), Model = "served", ContextSize = 4096, MaxRetries = 0 });
        using var service = Create(client);

        var answer = await service.AnswerAsync(new AnswerRequest("How long are batteries covered?"));

        Assert.Equal("Batteries are covered for one year [2].", answer.Text);
        Assert.Equal([2L], answer.Citations.Select(c => c.DocumentId.Value));
        Assert.Equal((42, 3), (answer.Usage.PromptTokens, answer.Usage.OutputTokens));
        var sent = _server.Requests.Single().Body;
        Assert.Equal(512, sent["max_completion_tokens"]?.GetValue<int>() ?? sent["max_tokens"]!.GetValue<int>());
        Assert.Contains("[3] Document: Office", sent["messages"]!.AsArray()[^1]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_RemoteGeneratorBusy_QueueLimitApplies()
    {
        _server.Hold = new TaskCompletionSource();
        using var client = new OpenAiChatClient(new RemoteEndpointOptions { Url = _server.BaseUrl.ToString(), Model = "served", MaxRetries = 0 });
        using var service = Create(client, options: new AnsweringOptions { MaxConcurrentGenerations = 1, MaxQueuedGenerations = 0 });
        var first = service.AnswerAsync(new AnswerRequest("How long is the warranty?"));
        await _server.ChatReceived.Task;

        await Assert.ThrowsAsync<ServiceBusyException>(() => service.AnswerAsync(new AnswerRequest("How long is the warranty?")));

        _server.Hold.SetResult();
        Assert.Equal("Hello there.", (await first).Text);
    }
}
