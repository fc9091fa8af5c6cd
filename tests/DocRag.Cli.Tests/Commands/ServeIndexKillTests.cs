using System.Text.Json;
using DocRag.TestSupport;
using DocRag.TestSupport.Onnx;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace DocRag.Cli.Tests.Commands;

/// <summary>
/// <c>docrag serve --docs FOLDER</c> killed with SIGKILL at random points while it indexes the folder (with a real
/// ONNX embedder, so vectors are written too), many times: after every kill the index is sound and no document is
/// half-written, and a restart resumes and converges to exactly what a clean run produces.
/// </summary>
public sealed class ServeIndexKillTests(ITestOutputHelper output) : IDisposable
{
    private const int Files = 300;
    private const int Rounds = 8;
    private readonly TempDirectory _docs = new("docrag-serve-kill-docs");
    private readonly TempDirectory _data = new("docrag-serve-kill-data");
    private readonly TempDirectory _clean = new("docrag-serve-kill-clean");

    [Fact]
    public async Task Serve_KilledAtRandomPointsWhileIndexing_StaysSoundAndConvergesToACleanRun()
    {
        KillTestCorpus.Write(_docs, Files);
        foreach (var data in new[] { _data, _clean })
        {
            EmbeddingModelFolderWriter.Write(data.Combine("models", "tiny"), new EmbeddingFolderSpec());
        }

        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var killedMidway = 0;
        for (var round = 0; round < Rounds; round++)
        {
            if (await IndexDatabase.CountAsync(_data.Path, "SELECT count(*) FROM documents WHERE chunk_count = (SELECT count(*) FROM chunks c JOIN vectors v ON v.chunk_id = c.id WHERE c.document_id = documents.id)") == Files)
            {
                KillTestCorpus.Write(_docs, Files, variant: round); // everything done: give this round new work
            }

            var started = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            string point;
            using (var serve = Start(_data.Path))
            {
                // One round in four dies during start-up (index opening, model loading); the others at a random share of the sync.
                if (random.Next(4) == 0)
                {
                    var delay = random.Next(200, 2500);
                    await Task.Delay(delay);
                    point = $"{await StateAsync(serve)} after {delay} ms";
                }
                else
                {
                    point = await WaitForProgressAsync(serve, random.NextDouble());
                }

                serve.KillHard();
            }

            killedMidway += point.StartsWith("indexing", StringComparison.Ordinal) ? 1 : 0;
            var documents = await IndexDatabase.CountAsync(_data.Path, "SELECT count(*) FROM documents");
            var written = await IndexDatabase.CountAsync(_data.Path, $"SELECT count(*) FROM documents WHERE indexed_at >= '{started}'");
            output.WriteLine($"round {round}: killed {point}; {documents} documents, {written} written this round");
            await IndexDatabase.AssertSoundAsync(_data.Path);
        }

        await RunToCompletionAsync(_data.Path);
        await RunToCompletionAsync(_clean.Path);

        Assert.True(killedMidway > 0, "at least one round should have been killed while indexing");
        await IndexDatabase.AssertSoundAsync(_data.Path);
        Assert.Equal(await IndexDatabase.SnapshotAsync(_clean.Path), await IndexDatabase.SnapshotAsync(_data.Path));
        Assert.Equal(0L, await IndexDatabase.CountAsync(_data.Path, "SELECT count(*) FROM chunks WHERE id NOT IN (SELECT chunk_id FROM vectors)"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _docs.Dispose();
        _data.Dispose();
        _clean.Dispose();
    }

    private ServeProcess Start(string data) =>
        ServeProcess.Start(data, [_docs.Path], new Dictionary<string, string> { ["DocRag__Ingestion__MaxParallelism"] = "2" });

    /// <summary>The index state the server reports, or "starting" while it does not answer yet.</summary>
    private static async Task<string> StateAsync(ServeProcess serve) =>
        await StatusAsync(serve) is { } status ? status.GetProperty("state").GetString()! : "starting";

    /// <summary>Polls the status until the sync has done <paramref name="share"/> of its files (or finished); says where it was.</summary>
    private static async Task<string> WaitForProgressAsync(ServeProcess serve, double share)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (await StatusAsync(serve) is { } status)
            {
                if (status.GetProperty("progress") is { ValueKind: JsonValueKind.Object } progress)
                {
                    var done = progress.GetProperty("filesDone").GetInt32();
                    var total = progress.GetProperty("filesTotal").GetInt32();
                    var phase = progress.GetProperty("phase").GetString();
                    if (phase is "indexing" or "embedding" && done >= share * total)
                    {
                        return $"indexing ({phase}) at {done}/{total} files";
                    }
                }
                else if (status.GetProperty("lastRun").ValueKind == JsonValueKind.Object)
                {
                    return "idle after the sync finished";
                }
            }

            await Task.Delay(15);
        }

        return "after 2 minutes";
    }

    private static async Task<JsonElement?> StatusAsync(ServeProcess serve)
    {
        try
        {
            using var status = JsonDocument.Parse(await serve.Client.GetStringAsync(new Uri("/v1/index/status", UriKind.Relative)));
            return status.RootElement.Clone();
        }
        catch (HttpRequestException)
        {
            return null; // not listening yet
        }
    }

    /// <summary>Serves until the folder's sync has finished with every file indexed and embedded, then stops the server.</summary>
    private async Task RunToCompletionAsync(string data)
    {
        using var serve = Start(data);
        await serve.WaitReadyAsync();
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (true)
        {
            using var status = JsonDocument.Parse(await serve.Client.GetStringAsync(new Uri("/v1/index/status", UriKind.Relative)));
            var root = status.RootElement;
            var counts = root.GetProperty("counts");
            if (root.GetProperty("state").GetString() == "idle" && root.GetProperty("lastRun").ValueKind == JsonValueKind.Object
                && counts.GetProperty("documents").GetInt32() == Files && counts.GetProperty("chunksWithoutVectors").GetInt64() == 0)
            {
                Assert.Equal(JsonValueKind.Null, root.GetProperty("lastError").ValueKind);
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the sync did not finish: {root}\n{serve.Output}");
            await Task.Delay(250);
        }
    }
}
