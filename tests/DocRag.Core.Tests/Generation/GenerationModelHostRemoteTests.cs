using DocRag.Core.Generation;
using DocRag.Core.Hosting;
using DocRag.Core.Remote;
using DocRag.TestSupport;
using DocRag.TestSupport.Gguf;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DocRag.Core.Tests.Generation;

public sealed class GenerationModelHostRemoteTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new("docrag-gen-remote");
    private OpenAiTestServer _server = null!;

    public async Task InitializeAsync() => _server = await OpenAiTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task GetAsync_EndpointConfigured_RemoteClientInsteadOfTheLocalModel()
    {
        TestLlamaModel.WriteTiny(Directory.CreateDirectory(_dir.Combine("models")).FullName);
        var options = new GenerationOptions { Endpoint = { Url = _server.BaseUrl + "/", Model = "served-model", ContextSize = 16384, ApiKey = "k-123" } };
        using var host = new GenerationModelHost(
            Options.Create(options), Options.Create(new DocRagOptions { DataDirectory = _dir.Combine("data"), ModelsDirectory = _dir.Combine("models") }),
            NullLoggerFactory.Instance);

        var client = await host.GetAsync();

        Assert.IsType<OpenAiChatClient>(client);
        Assert.Same(client, await host.GetAsync());
        Assert.Equal((GenerationModelState.Ready, 16384), (host.Status.State, host.Status.Info!.ContextSize));
        Assert.DoesNotContain("k-123", host.Status.Reason + host.Status.ModelPath, StringComparison.Ordinal);
        var reply = await client!.GetResponseAsync([new ChatMessage(ChatRole.User, "Hi")]);
        Assert.Equal("Hello there.", reply.Text);
        Assert.Equal("served-model", _server.Requests.Single().Body["model"]!.GetValue<string>());
    }
}
