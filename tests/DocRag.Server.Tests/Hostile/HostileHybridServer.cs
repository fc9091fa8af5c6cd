using DocRag.Core.Hosting;
using DocRag.Server.Tests.Endpoints;
using DocRag.TestSupport;
using DocRag.TestSupport.Onnx;

namespace DocRag.Server.Tests.Hostile;

/// <summary>The shared server of <see cref="HostileRequestServer"/>, but with a generated ONNX embedder: queries also go through its tokenizer.</summary>
public sealed class HostileHybridServer : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _models = new("docrag-hostile-embedder");
    private SearchServer? _server;

    internal HttpClient Client => _server!.Client;

    public async Task InitializeAsync()
    {
        EmbeddingModelFolderWriter.Write(_models.Combine("tiny-embedder"), new EmbeddingFolderSpec());
        _server = await SearchServer.StartAsync(new Dictionary<string, string?>
        {
            [DocRagEnvironment.ModelsKey] = _models.Path,
            ["DocRag:Generation:Model"] = "none",
        });
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public void Dispose() => _models.Dispose();
}
