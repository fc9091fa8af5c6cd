using DocRag.Core.Hosting;
using DocRag.Server;
using DocRag.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace DocRag.Server.Tests;

/// <summary>
/// The real DocRag host (<see cref="DocRagWebApplication.Create"/>) on Kestrel at 127.0.0.1 with a random port, with
/// optional test-only endpoints mapped before it starts (they exist only in this process, never in the product).
/// </summary>
internal sealed class ServerHost : IAsyncDisposable
{
    /// <summary>A key long enough for validation, for tests that configure one.</summary>
    public const string AliceKey = "alice-key-0123456789abcdef";
    public const string BobKey = "bob-key-0123456789abcdef";

    private readonly TempDirectory _data;

    private ServerHost(WebApplication app, TempDirectory data, Uri address)
    {
        App = app;
        _data = data;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>The server's data folder (index, uploads).</summary>
    public string DataPath => _data.Path;

    public static async Task<ServerHost> StartAsync(IDictionary<string, string?>? settings = null, Action<WebApplication>? map = null)
    {
        var data = new TempDirectory("docrag-server");
        var overrides = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            [DocRagEnvironment.DataKey] = data.Path,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        var app = DocRagWebApplication.Create([], overrides);
        map?.Invoke(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new ServerHost(app, data, new Uri(address));
    }

    /// <summary>Settings with two keys: alice (unscoped) and bob (scoped to the given collections).</summary>
    public static Dictionary<string, string?> WithKeys(params string[] bobCollections)
    {
        var settings = new Dictionary<string, string?>
        {
            ["DocRag:Server:ApiKeys:0:Name"] = "alice",
            ["DocRag:Server:ApiKeys:0:Key"] = AliceKey,
            ["DocRag:Server:ApiKeys:1:Name"] = "bob",
            ["DocRag:Server:ApiKeys:1:Key"] = BobKey,
        };
        for (var i = 0; i < bobCollections.Length; i++)
        {
            settings[$"DocRag:Server:ApiKeys:1:Collections:{i}"] = bobCollections[i];
        }

        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        _data.Dispose();
    }
}
