using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocRag.TestSupport;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace DocRag.Cli.Tests.Commands;

/// <summary>
/// <c>docrag serve</c> with its data folder on a full disk: a real 2 MiB tmpfs where mounting is permitted (root), else
/// the index capped with <c>DocRag:Storage:MaxDatabaseMegabytes</c> (SQLite <c>max_page_count</c>, the same SQLITE_FULL).
/// Indexing stops with "disk full" in the status, uploads get 507, the index stays sound and searchable, and once
/// there is room a sync indexes the rest.
/// </summary>
public sealed class ServeDiskFullTests(ITestOutputHelper output) : IDisposable
{
    private const int Files = 300;
    private readonly TempDirectory _docs = new("docrag-full-docs");
    private readonly TempDirectory _data = new("docrag-full-data");
    private bool _mounted;

    [Fact]
    public async Task Serve_DiskFull_ReportsItKeepsIndexSoundAndRecoversWithRoom()
    {
        WriteCorpus();
        _mounted = TestMounts.TryTmpfs(_data.Path, megabytes: 2);
        output.WriteLine(_mounted ? "disk: 2 MiB tmpfs" : "disk: mount not permitted; index capped at 1 MiB by max_page_count");
        var capped = new Dictionary<string, string> { ["DocRag__Storage__MaxDatabaseMegabytes"] = "1" };
        using (var serve = ServeProcess.Start(_data.Path, [_docs.Path], _mounted ? null : capped))
        {
            await serve.WaitReadyAsync();
            var failed = await WaitForSyncAsync(serve, s => s.GetProperty("lastError").ValueKind == JsonValueKind.String);
            var error = failed.GetProperty("lastError").GetString()!;
            output.WriteLine($"status: {failed.GetProperty("counts")}; lastError: {error}");
            Assert.StartsWith("disk full: ", error, StringComparison.Ordinal);
            var indexed = failed.GetProperty("counts").GetProperty("indexed").GetInt32();
            Assert.InRange(indexed, 1, Files - 1);
            await IndexDatabase.AssertSoundAsync(_data.Path);

            // What was indexed before the disk filled is still found.
            var path = (string)(await IndexDatabase.ScalarAsync(_data.Path, "SELECT path FROM documents ORDER BY id LIMIT 1"))!;
            Assert.Contains(Path.GetFileName(path), await SearchAsync(serve, $"unique{Path.GetFileNameWithoutExtension(path)[1..]}x"), StringComparison.Ordinal);

            using var upload = await serve.Client.PostAsync(new Uri("/v1/documents", UriKind.Relative), Form("big.txt", 1_500_000));
            var body = await upload.Content.ReadAsStringAsync();
            output.WriteLine($"upload: {(int)upload.StatusCode} {body}");
            if (_mounted)
            {
                Assert.Equal((HttpStatusCode)507, upload.StatusCode);
                Assert.Equal("insufficient-storage", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
                Assert.True(!Directory.Exists(_data.Combine("uploads")) || !Directory.EnumerateFiles(_data.Combine("uploads"), "*", SearchOption.AllDirectories).Any()); // no partial file left
            }
            else
            {
                Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode); // the file fits on the disk; only the index is capped
            }

            await IndexDatabase.AssertSoundAsync(_data.Path);
            if (_mounted)
            {
                Assert.True(TestMounts.TryResizeTmpfs(_data.Path, megabytes: 64));
                await RecoverAsync(serve);
            }
        }

        if (!_mounted)
        {
            using var serve = ServeProcess.Start(_data.Path, [_docs.Path], new Dictionary<string, string> { ["DocRag__Storage__MaxDatabaseMegabytes"] = "64" });
            await serve.WaitReadyAsync();
            await RecoverAsync(serve);
        }

        await IndexDatabase.AssertSoundAsync(_data.Path);
        Assert.Equal((long)Files, await IndexDatabase.CountAsync(_data.Path, $"SELECT count(*) FROM documents WHERE status = 'indexed' AND path LIKE '{_docs.Path}/%'"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (_mounted)
        {
            TestMounts.Unmount(_data.Path);
        }

        _docs.Dispose();
        _data.Dispose();
    }

    private async Task RecoverAsync(ServeProcess serve)
    {
        using var sync = await serve.Client.PostAsJsonAsync(new Uri("/v1/index/sync", UriKind.Relative), new { });
        Assert.Equal(HttpStatusCode.Accepted, sync.StatusCode);
        var done = await WaitForSyncAsync(serve, s =>
            s.GetProperty("lastRun").ValueKind == JsonValueKind.Object && s.GetProperty("counts").GetProperty("documents").GetInt32() >= Files
            && s.GetProperty("lastError").ValueKind == JsonValueKind.Null);
        output.WriteLine($"after room came back: {done.GetProperty("counts")}");
    }

    /// <summary>Polls the status until the server is idle and <paramref name="done"/> holds.</summary>
    private static async Task<JsonElement> WaitForSyncAsync(ServeProcess serve, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            using var status = JsonDocument.Parse(await serve.Client.GetStringAsync(new Uri("/v1/index/status", UriKind.Relative)));
            var root = status.RootElement;
            if (root.GetProperty("state").GetString() == "idle" && done(root))
            {
                return root.Clone();
            }

            Assert.True(DateTime.UtcNow < deadline, $"the sync did not get there: {root}\n{serve.Output}");
            await Task.Delay(200);
        }
    }

    private static async Task<string> SearchAsync(ServeProcess serve, string query)
    {
        using var response = await serve.Client.PostAsJsonAsync(new Uri("/v1/search", UriKind.Relative), new { query });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private void WriteCorpus()
    {
        for (var i = 0; i < Files; i++)
        {
            var sb = new StringBuilder().Append(CultureInfo.InvariantCulture, $"# Report {i}\n\nThe marker token unique{i:D3}x closes this line.\n\n");
            for (var p = 0; p < 40; p++)
            {
                sb.Append(CultureInfo.InvariantCulture, $"Paragraph {p} of report {i} lists {string.Join(' ', Enumerable.Range(0, 25).Select(w => $"term{(w * 7 + p * 13 + i) % 997}"))}.\n\n");
            }

            _docs.WriteText($"r{i:D3}.md", sb.ToString());
        }
    }

    private static MultipartFormDataContent Form(string name, int size)
    {
        var part = new ByteArrayContent(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("A line of uploaded text.\n", size / 25))));
        part.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        return new MultipartFormDataContent { { part, "files", name }, { new StringContent("inbox"), "collection" } };
    }
}
