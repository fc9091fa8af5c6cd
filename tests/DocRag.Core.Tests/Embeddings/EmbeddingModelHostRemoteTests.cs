using DocRag.Core.Embeddings;
using DocRag.Core.Hosting;
using DocRag.Core.Remote;
using DocRag.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DocRag.Core.Tests.Embeddings;

public sealed class EmbeddingModelHostRemoteTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _models = new("docrag-host-remote");
    private OpenAiTestServer _server = null!;

    public async Task InitializeAsync() => _server = await OpenAiTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _models.Dispose();

    [Fact]
    public async Task GetAsync_RemoteEndpoint_MeasuresTheDimensionOnceAndReportsReady()
    {
        _server.Dimensions = 12;
        using var host = Host(new RemoteEndpointOptions { Url = _server.BaseUrl.ToString(), Model = "e5-remote", MaxRetries = 0 });

        var embedder = await host.GetAsync();
        var again = await host.GetAsync();

        Assert.IsType<OpenAiEmbeddingGenerator>(embedder);
        Assert.Same(embedder, again);
        var status = host.Status;
        Assert.Equal((EmbeddingModelState.Ready, 12, "openai:e5-remote", "remote"), (status.State, status.Dimensions, status.ModelId, status.Device));
        Assert.Single(_server.Requests); // the one vector that told the dimension
        var vectors = await embedder!.GenerateAsync(["hola"]);
        Assert.Equal(OpenAiTestServer.VectorFor("hola", 12), vectors[0].Vector.ToArray());
    }

    [Fact]
    public async Task GetAsync_RemoteDimensionsConfigured_NoRequestUntilUsed()
    {
        using var host = Host(new RemoteEndpointOptions { Url = _server.BaseUrl.ToString(), Model = "m", Dimensions = 4, MaxRetries = 0 });

        Assert.NotNull(await host.GetAsync());

        Assert.Empty(_server.Requests);
        Assert.Equal(4, host.Status.Dimensions);
    }

    [Fact]
    public async Task GetAsync_RemoteUnreachable_NullWithTheReason()
    {
        var closed = HuggingFaceTestServer.ClosedPortUrl();
        using var host = Host(new RemoteEndpointOptions { Url = new Uri(closed, "v1").ToString(), Model = "m", MaxRetries = 0, TimeoutSeconds = 5 });

        Assert.Null(await host.GetAsync());

        Assert.Equal(EmbeddingModelState.Failed, host.Status.State);
        Assert.Contains(closed.Authority, host.Status.Reason, StringComparison.Ordinal);
    }

    private EmbeddingModelHost Host(RemoteEndpointOptions endpoint) => new(
        Options.Create(new EmbeddingOptions { Endpoint = endpoint }),
        Options.Create(new DocRagOptions { DataDirectory = _models.Path, ModelsDirectory = _models.Path }),
        NullLogger<EmbeddingModelHost>.Instance);
}
