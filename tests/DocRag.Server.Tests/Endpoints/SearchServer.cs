using DocRag.Core.Embeddings;
using DocRag.Core.Ingestion;
using DocRag.Core.Ingestion.Chunking;
using DocRag.Core.Ingestion.Parsers;
using DocRag.Core.Ingestion.Sync;
using DocRag.Core.Storage;
using DocRag.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DocRag.Server.Tests.Endpoints;

/// <summary>
/// The real server on Kestrel over a real index in its temp data folder: two folders synced as collections <c>eng</c>
/// and <c>policies</c> by the real ingestion code, embedded by the server's own embedding model when one is configured.
/// </summary>
internal sealed class SearchServer : IAsyncDisposable
{
    private readonly TempDirectory _docs = new("docrag-search-docs");

    private SearchServer(ServerHost host) => Host = host;

    public ServerHost Host { get; }

    public HttpClient Client => Host.Client;

    public string EngineeringPath => Path.Combine(_docs.Path, "eng");

    public static async Task<SearchServer> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var server = new SearchServer(await ServerHost.StartAsync(settings));
        server._docs.WriteText("eng/install.md", "# Installing the server\n\nDownload the package and run the installer. The installer asks for a data folder.");
        server._docs.WriteText("eng/notes/penguins.txt", "Penguins are flightless birds.\n\nEmperor penguins breed during the Antarctic winter.");
        server._docs.WriteText("eng/design.html", "<html><head><title>Storage design</title></head><body><h1>Storage</h1><p>One SQLite file holds the index; the server stops before a backup.</p></body></html>");
        server._docs.WriteText("policies/leave.md", "# Leave policy\n\nEmployees request leave through the portal; the server sends the approval.");
        server._docs.WriteText("policies/security.txt", "Security policy.\n\nPasswords rotate every ninety days. Report a lost laptop to the service desk.");
        await server.SyncAsync();
        return server;
    }

    private async Task SyncAsync()
    {
        var services = Host.Services;
        var embedder = await services.GetRequiredService<EmbeddingModelHost>().GetAsync();
        using var sync = new FolderSync(
            services.GetRequiredService<IndexStore>(),
            services.GetRequiredService<DocumentReader>(),
            services.GetRequiredService<IChunker>(),
            services.GetRequiredService<IOptions<IngestionOptions>>(),
            new IndexingStatusTracker(),
            services.GetRequiredService<ILogger<FolderSync>>(),
            embedder);
        await sync.SyncAsync(EngineeringPath, "eng");
        await sync.SyncAsync(Path.Combine(_docs.Path, "policies"), "policies");
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        _docs.Dispose();
    }
}
