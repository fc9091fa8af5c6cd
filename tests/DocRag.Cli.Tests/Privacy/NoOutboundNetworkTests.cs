using System.Net.Http.Json;
using System.Text.Json;
using DocRag.Cli.Tests.Commands;
using DocRag.TestSupport;
using DocRag.TestSupport.Gguf;
using DocRag.TestSupport.Onnx;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace DocRag.Cli.Tests.Privacy;

/// <summary>
/// Nothing DocRag indexes or answers leaves the machine. Two real-process checks with a real ONNX embedder and a
/// real llama.cpp generator (small generated models): <c>docrag index</c> and <c>docrag ask</c> succeed in a network
/// namespace with no way out, and <c>docrag serve</c>, watched while it indexes and answers, never holds a socket that
/// is not loopback. <see cref="ProcessSocketsTests"/> proves the watcher sees an outbound connection attempt.
/// </summary>
public sealed class NoOutboundNetworkTests(ITestOutputHelper output) : IDisposable
{
    private const string Question = "How long does the warranty last?";

    /// <summary>TEST-NET-2 (RFC 5737): documentation-only, never a real host.</summary>
    private const string Outside = "198.51.100.1";
    private readonly TempDirectory _docs = new("docrag-offline-docs");
    private readonly TempDirectory _data = new("docrag-offline-data");

    /// <summary>Answers go through the generator whatever the random embedder scores (no relevance floor).</summary>
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["DocRag__Generation__ContextSize"] = "2048",
        ["DocRag__Generation__Threads"] = "1",
        ["DocRag__Answering__MaxOutputTokens"] = "16",
        ["DocRag__Answering__RelevanceFloor"] = "0",
        ["DocRag__Answering__MinVectorSimilarity"] = "-1",
    };

    [NetworkNamespaceFact]
    public async Task IndexAndAsk_InANetworkNamespaceWithOnlyLoopback_SucceedWithTheModels()
    {
        WriteDocsAndModels();

        var index = await NetworkNamespace.RunDocRagAsync(["--data", _data.Path, "index", _docs.Path, "--collection", "docs"], Settings);
        output.WriteLine(index.ToString());
        Assert.True(index.ExitCode == 0, index.ToString());
        var (documents, chunks, vectors) = await CountsAsync();
        Assert.Equal(3, documents);
        Assert.True(chunks > 0);
        Assert.Equal(chunks, vectors); // every chunk embedded by the ONNX model inside the namespace

        var ask = await NetworkNamespace.RunDocRagAsync(["--data", _data.Path, "ask", Question, "--json", "--mode", "generative"], Settings);
        output.WriteLine(ask.ToString());
        Assert.True(ask.ExitCode == 0, ask.ToString());
        var answer = JsonDocument.Parse(ask.Output).RootElement;
        Assert.Equal("generative", answer.GetProperty("mode").GetString());
        Assert.Equal("tiny-llama", answer.GetProperty("model").GetString());
        Assert.True(answer.GetProperty("usage").GetProperty("outputTokens").GetInt32() > 0, "the generator ran");
    }

    /// <summary>The control: the namespace really has no way out, so the run above could not have used the network.</summary>
    [NetworkNamespaceFact]
    public async Task ModelsPull_InANetworkNamespaceWithOnlyLoopback_CannotReachOut()
    {
        var pull = await NetworkNamespace.RunDocRagAsync(
            ["--data", _data.Path, "models", "pull", "all-minilm-l6-v2"],
            new Dictionary<string, string> { ["DocRag__Models__BaseUrl"] = $"http://{Outside}", ["DocRag__Models__ConnectTimeout"] = "00:00:05" });

        output.WriteLine(pull.ToString());
        Assert.NotEqual(0, pull.ExitCode);
        Assert.Contains($"cannot reach {Outside}", pull.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_WhileIndexingAndAnswering_HoldsOnlyLoopbackSocketsAndLogsNoDocumentText()
    {
        WriteDocsAndModels();
        using var serve = ServeProcess.Start(_data.Path, [_docs.Path], Settings);
        await using var watch = new SocketWatch(serve.ProcessId);

        await serve.WaitReadyAsync();
        await WaitIndexedAsync(serve.Client);
        for (var i = 0; i < 3; i++)
        {
            using var search = await serve.Client.PostAsJsonAsync(new Uri("/v1/search", UriKind.Relative), new { query = Question });
            Assert.True(search.IsSuccessStatusCode, await search.Content.ReadAsStringAsync());
            using var ask = await serve.Client.PostAsJsonAsync(new Uri("/v1/ask", UriKind.Relative), new { question = Question, mode = "generative" });
            var body = await ask.Content.ReadAsStringAsync();
            Assert.True(ask.IsSuccessStatusCode, body);
            Assert.Equal("generative", JsonDocument.Parse(body).RootElement.GetProperty("mode").GetString());
        }

        await watch.StopAsync();
        output.WriteLine($"{watch.Snapshots} snapshots; sockets seen:\n{string.Join('\n', watch.Seen)}");

        Assert.True(watch.Snapshots >= 10, $"only {watch.Snapshots} snapshots");
        // It watched the right process: the server's own listener on 127.0.0.1 was seen.
        Assert.Contains(watch.Seen, e => e.State == "0A" && e.Local.Port == serve.Client.BaseAddress!.Port);
        Assert.Empty(watch.Seen.Where(e => !e.IsLoopbackOnly).Select(e => e.ToString()));
        Assert.Empty(watch.Unknown);
        // At the default log level the server logged what it did, but no document text.
        Assert.Contains("Now listening on", serve.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("accepted within 30 days", serve.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Water damage", serve.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// The control for the test above, end to end: the same server told to use a remote generator at a non-local
    /// address (DocRag's one opt-in outbound feature) is caught connecting out as soon as it answers.
    /// </summary>
    [DefaultRouteFact]
    public async Task Serve_WithARemoteGenerator_IsSeenConnectingOut()
    {
        WriteDocsAndModels();
        var settings = new Dictionary<string, string>(Settings)
        {
            ["DocRag__Generation__Endpoint__Url"] = $"http://{Outside}:9/v1",
            ["DocRag__Generation__Endpoint__Model"] = "remote-model",
            ["DocRag__Generation__Endpoint__MaxRetries"] = "0",
        };
        using var serve = ServeProcess.Start(_data.Path, [_docs.Path], settings);
        await using var watch = new SocketWatch(serve.ProcessId);
        await serve.WaitReadyAsync();
        await WaitIndexedAsync(serve.Client);

        // The answer fails or hangs (nothing real listens there); what matters is the connection attempt.
        var ask = serve.Client.PostAsJsonAsync(new Uri("/v1/ask", UriKind.Relative), new { question = Question, mode = "generative" });
        for (var i = 0; i < 300 && !watch.Seen.Any(e => e.RemoteHost.ToString() == Outside); i++)
        {
            await Task.Delay(100);
        }

        await watch.StopAsync();
        output.WriteLine(string.Join('\n', watch.Seen));
        var outbound = Assert.Single(watch.Seen.Where(e => e.RemoteHost.ToString() == Outside).DistinctBy(e => e.Remote));
        Assert.False(outbound.IsLoopbackOnly);
        serve.KillHard();
        try
        {
            (await ask).Dispose();
        }
        catch (HttpRequestException)
        {
            // The server was killed mid-answer.
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _docs.Dispose();
        _data.Dispose();
    }

    private static async Task WaitIndexedAsync(HttpClient client)
    {
        for (var i = 0; i < 600; i++)
        {
            var status = JsonDocument.Parse(await client.GetStringAsync(new Uri("/v1/index/status", UriKind.Relative))).RootElement;
            if (status.GetProperty("state").GetString() == "idle" && status.GetProperty("lastRun").ValueKind == JsonValueKind.Object
                && status.GetProperty("counts").GetProperty("vectors").GetInt64() > 0)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("the server did not finish indexing in 60 s");
    }

    private void WriteDocsAndModels()
    {
        _docs.WriteText("warranty.md", "# Warranty\n\nThe warranty lasts two years from the date of purchase. Returns are accepted within 30 days.");
        _docs.WriteText("batteries.txt", "Batteries have their own warranty of one year. Water damage is not covered.");
        _docs.WriteText("office.html", "<html><body><h1>Office</h1><p>The office opens at nine and closes at five.</p></body></html>");
        var models = _data.Combine("models");
        EmbeddingModelFolderWriter.Write(Path.Combine(models, "tiny-embedder"), new EmbeddingFolderSpec());
        TestLlamaModel.Write(Path.Combine(models, "tiny-llama.gguf"), LlamaModelShape.Tiny with { ContextLength = 4096 });
    }

    private async Task<(long Documents, long Chunks, long Vectors)> CountsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_data.Path, "docrag.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        async Task<long> CountAsync(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return (long)(await command.ExecuteScalarAsync())!;
        }

        return (await CountAsync("SELECT count(*) FROM documents WHERE status = 'indexed'"), await CountAsync("SELECT count(*) FROM chunks"), await CountAsync("SELECT count(*) FROM vectors"));
    }
}
