using DocRag.Server.Tests.Endpoints;

namespace DocRag.Server.Tests.Hostile;

/// <summary>One real server (Kestrel, real index of two collections, no models) shared by the hostile-request cases.</summary>
public sealed class HostileRequestServer : IAsyncLifetime
{
    private SearchServer? _server;

    internal HttpClient Client => _server!.Client;

    internal ServerHost Host => _server!.Host;

    public async Task InitializeAsync() => _server = await SearchServer.StartAsync(new Dictionary<string, string?>
    {
        ["DocRag:Embedding:Model"] = "none",
        ["DocRag:Generation:Model"] = "none",
    });

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
