using DocRag.Server.Endpoints;
using DocRag.TestSupport;

namespace DocRag.Server.Tests.Boundaries;

/// <summary>
/// The real server watching two collection folders, <c>alpha</c> and <c>beta</c>, side by side, with alice's key
/// unscoped and bob's scoped to alpha; alpha holds a link to beta (<c>betalink</c>) and a file link out of every
/// collection (<c>linked.txt</c>), as issue 16 found them.
/// </summary>
internal sealed class BoundaryServer : IAsyncDisposable
{
    private readonly TempDirectory _root;

    private BoundaryServer(TempDirectory root, ServerHost host)
    {
        _root = root;
        Host = host;
    }

    public ServerHost Host { get; }

    public HttpClient Client => Host.Client;

    public string Alpha => _root.Combine("alpha");

    public string Beta => _root.Combine("beta");

    public string Elsewhere => _root.Combine("elsewhere");

    public static async Task<BoundaryServer> StartAsync(IDictionary<string, string?>? extra = null)
    {
        var root = new TempDirectory("docrag-boundaries");
        root.WriteText("alpha/own.md", "# Walruses\n\nAlpha's own walrus notes: they gather on the ice.");
        root.WriteText("beta/secret.md", "# Penguins\n\nBeta's confidential penguin figures.");
        root.WriteText("elsewhere/outside.txt", "Outside every collection: narwhal data.");
        Directory.CreateSymbolicLink(root.Combine("alpha", "betalink"), root.Combine("beta"));
        File.CreateSymbolicLink(root.Combine("alpha", "linked.txt"), root.Combine("elsewhere", "outside.txt"));
        var settings = ServerHost.WithKeys("alpha");
        settings["DocRag:Ingestion:Folders:0:Path"] = root.Combine("alpha");
        settings["DocRag:Ingestion:Folders:0:Collection"] = "alpha";
        settings["DocRag:Ingestion:Folders:1:Path"] = root.Combine("beta");
        settings["DocRag:Ingestion:Folders:1:Collection"] = "beta";
        settings["DocRag:Embedding:Model"] = "none";
        settings["DocRag:Generation:Model"] = "none";
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var host = await ServerHost.StartAsync(settings);
        await Polling.UntilAsync(
            () => host.Client.GetJsonAsync<DocumentList>("/v1/documents?limit=100", ServerHost.AliceKey),
            list => list.Items.Any(d => d.Collection == "beta") && list.Items.Count(d => d.Collection == "alpha") >= 3,
            "both collections indexed");
        return new BoundaryServer(root, host);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        _root.Dispose();
    }
}
