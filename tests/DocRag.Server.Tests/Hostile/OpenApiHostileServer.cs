using DocRag.Core.Hosting;
using DocRag.Server.Tests.Endpoints;
using DocRag.TestSupport.Onnx;

namespace DocRag.Server.Tests.Hostile;

/// <summary>
/// The real server over a real index of two collections with a tiny real ONNX embedder (so embeddings and hybrid
/// search run on hostile text instead of answering 503), no generator: the target of <see cref="OpenApiHostileTests"/>.
/// </summary>
public sealed class OpenApiHostileServer : IAsyncLifetime
{
    private readonly string _models = Directory.CreateTempSubdirectory("docrag-openapi-hostile-models").FullName;
    private SearchServer? _server;

    internal HttpClient Client => _server!.Client;

    public async Task InitializeAsync()
    {
        var embedder = EmbeddingModelFolderWriter.Write(Path.Combine(_models, "tiny-embedder"), new EmbeddingFolderSpec());
        _server = await SearchServer.StartAsync(new Dictionary<string, string?>
        {
            [DocRagEnvironment.ModelsKey] = _models,
            ["DocRag:Embedding:Model"] = embedder,
            ["DocRag:Generation:Model"] = "none",
        });
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Directory.Delete(_models, recursive: true);
    }
}
