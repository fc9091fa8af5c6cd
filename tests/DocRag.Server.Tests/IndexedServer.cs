using DocRag.Core.Hosting;
using DocRag.Core.Ingestion.Sync;
using DocRag.TestSupport;
using DocRag.TestSupport.Gguf;
using Microsoft.Extensions.DependencyInjection;

namespace DocRag.Server.Tests;

/// <summary>
/// The real server on 127.0.0.1 over a real index of a few text files in two collections (<c>docs</c> and <c>hr</c>),
/// keyword search only, with the generator chosen by the test: none, a generated llama.cpp model, or a remote
/// OpenAI-compatible server.
/// </summary>
internal sealed class IndexedServer : IAsyncDisposable
{
    private readonly TempDirectory _files;

    private IndexedServer(ServerHost host, TempDirectory files)
    {
        Host = host;
        _files = files;
    }

    public ServerHost Host { get; }

    public HttpClient Client => Host.Client;

    public static Task<IndexedServer> WithoutGeneratorAsync(IDictionary<string, string?>? settings = null) =>
        StartAsync(new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["DocRag:Generation:Model"] = "none" });

    public static Task<IndexedServer> WithRemoteGeneratorAsync(Uri baseUrl, IDictionary<string, string?>? settings = null) =>
        StartAsync(new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["DocRag:Generation:Endpoint:Url"] = baseUrl.ToString(),
            ["DocRag:Generation:Endpoint:Model"] = "served-model",
            ["DocRag:Generation:Endpoint:MaxRetries"] = "0",
        });

    /// <summary>A generated tiny llama.cpp model with a chat template (random weights: its words mean nothing).</summary>
    public static async Task<IndexedServer> WithLlamaAsync(IDictionary<string, string?>? settings = null)
    {
        var files = new TempDirectory("docrag-indexed");
        var model = TestLlamaModel.Write(files.Combine("tiny-llama.gguf"), LlamaModelShape.Tiny with { ContextLength = 4096 });
        return await StartAsync(new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["DocRag:Generation:Model"] = model,
            ["DocRag:Generation:ContextSize"] = "2048",
            ["DocRag:Generation:Threads"] = "1",
            ["DocRag:Answering:MaxOutputTokens"] = "16",
            ["DocRag:Answering:Temperature"] = "0",
        }, files);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        _files.Dispose();
    }

    private static async Task<IndexedServer> StartAsync(Dictionary<string, string?> settings, TempDirectory? files = null)
    {
        settings["DocRag:Embedding:Model"] = "none";
        files ??= new TempDirectory("docrag-indexed");
        var server = new IndexedServer(await ServerHost.StartAsync(settings), files);
        await server.IndexAsync();
        await WaitReadyAsync(server.Host.Services.GetRequiredService<IReadinessState>());
        return server;
    }

    /// <summary>Waits for the generator warm-up (a generated model loads in about a second).</summary>
    public static async Task WaitReadyAsync(IReadinessState readiness)
    {
        for (var i = 0; i < 600 && !readiness.IsReady; i++)
        {
            await Task.Delay(100);
        }

        Assert.True(readiness.IsReady, $"still not ready: {readiness.Current.Reason}");
    }

    private async Task IndexAsync()
    {
        _files.WriteText("docs/warranty.txt", "The warranty lasts two years from the date of purchase. Returns are accepted within 30 days.");
        _files.WriteText("docs/batteries.txt", "Batteries have their own warranty of one year. Water damage is not covered.");
        _files.WriteText("docs/office.txt", "The office opens at nine and closes at five.");
        _files.WriteText("hr/holidays.txt", "Employees get twenty-five days of paid holidays per year.");
        var sync = Host.Services.GetRequiredService<FolderSync>();
        await sync.SyncAsync(_files.Combine("docs"), "docs");
        await sync.SyncAsync(_files.Combine("hr"), "hr");
    }
}
