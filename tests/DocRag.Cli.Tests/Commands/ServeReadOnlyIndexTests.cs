using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DocRag.TestSupport;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace DocRag.Cli.Tests.Commands;

/// <summary>
/// Read-only storage, made with real read-only bind mounts (chmod does not stop root; a mount with files open for
/// writing cannot be turned read-only, so each case starts read-only): an upload into a read-only collection folder
/// gets a clear 503 <c>index-read-only</c> while indexing and search work, and a server started on a read-only index
/// still starts and searches, while syncs and uploads are refused with 503 <c>index-read-only</c>; nothing is corrupted.
/// </summary>
public sealed class ServeReadOnlyIndexTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _docs = new("docrag-ro-docs");
    private readonly TempDirectory _real = new("docrag-ro-real");
    private readonly TempDirectory _data = new("docrag-ro-data");
    private readonly TempDirectory _roData = new("docrag-ro-data-view");
    private readonly List<string> _mounts = [];

    [MountFact]
    public async Task Serve_ReadOnlyFolders_WritesFailClearlyReadsWork()
    {
        for (var i = 0; i < 20; i++)
        {
            _real.WriteText($"note{i:D2}.md", $"# Note {i}\n\nThe keyword marker{i:D2}z appears in note {i}. It talks about rivers and bridges.");
        }

        // The collection folder is a read-only mount: it is indexed (read), but an upload into it cannot be written.
        Assert.True(Mount(_real.Path, _docs.Path));
        using (var serve = ServeProcess.Start(_data.Path, [_docs.Path]))
        {
            await serve.WaitReadyAsync();
            await WaitIdleAsync(serve, s => s.GetProperty("counts").GetProperty("indexed").GetInt32() == 20);
            var upload = await serve.Client.PostAsync(new Uri("/v1/documents", UriKind.Relative), Form(Path.GetFileName(_docs.Path), "new.txt", "A new upload."));
            var body = await upload.Content.ReadAsStringAsync();
            output.WriteLine($"upload into the read-only folder: {(int)upload.StatusCode} {body}");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, upload.StatusCode);
            Assert.Equal("index-read-only", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());

            using var search = await serve.Client.PostAsJsonAsync(new Uri("/v1/search", UriKind.Relative), new { query = "marker07z" });
            Assert.Equal(HttpStatusCode.OK, search.StatusCode);
            Assert.Contains("note07.md", await search.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The index itself on a read-only mount (after the kill, with its WAL files): the server still starts and
        // searches, and a sync (which would write) fails with a clear "read-only" error.
        Assert.True(Mount(_data.Path, _roData.Path));
        using (var readOnly = ServeProcess.Start(_roData.Path, []))
        {
            await readOnly.WaitReadyAsync();
            using (var search = await readOnly.Client.PostAsJsonAsync(new Uri("/v1/search", UriKind.Relative), new { query = "marker11z" }))
            {
                Assert.Equal(HttpStatusCode.OK, search.StatusCode);
                Assert.Contains("note11.md", await search.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            // Known read-only at start: a sync or an upload is refused at once with 503, instead of failing later.
            using (var sync = await readOnly.Client.PostAsJsonAsync(new Uri("/v1/index/sync", UriKind.Relative), new { }))
            {
                var body = await sync.Content.ReadAsStringAsync();
                output.WriteLine($"sync on a read-only index: {(int)sync.StatusCode} {body}");
                Assert.Equal(HttpStatusCode.ServiceUnavailable, sync.StatusCode);
                Assert.Equal("index-read-only", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
            }

            using var upload = await readOnly.Client.PostAsync(new Uri("/v1/documents", UriKind.Relative), Form("notes", "new.txt", "A new upload."));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, upload.StatusCode);
            Assert.Contains("is on read-only media", readOnly.Output, StringComparison.Ordinal); // said once, at start
        }

        await IndexDatabase.AssertSoundAsync(_data.Path);
        Assert.Equal(20L, await IndexDatabase.CountAsync(_data.Path, "SELECT count(*) FROM documents WHERE status = 'indexed'"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var mount in _mounts)
        {
            TestMounts.Unmount(mount);
        }

        _roData.Dispose();
        _docs.Dispose();
        _data.Dispose();
        _real.Dispose();
    }

    /// <summary>A read-only view of <paramref name="source"/> at <paramref name="target"/>.</summary>
    private bool Mount(string source, string target)
    {
        if (!TestMounts.TryBind(source, target))
        {
            return false;
        }

        _mounts.Add(target);
        return TestMounts.TryRemountBind(target, readOnly: true);
    }

    private static async Task<JsonElement> WaitIdleAsync(ServeProcess serve, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            using var status = JsonDocument.Parse(await serve.Client.GetStringAsync(new Uri("/v1/index/status", UriKind.Relative)));
            var root = status.RootElement;
            if (root.GetProperty("state").GetString() == "idle" && done(root))
            {
                return root.Clone();
            }

            Assert.True(DateTime.UtcNow < deadline, $"the server did not get there: {root}\n{serve.Output}");
            await Task.Delay(200);
        }
    }

    private static MultipartFormDataContent Form(string collection, string name, string text)
    {
        var part = new StringContent(text);
        part.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        return new MultipartFormDataContent { { part, "files", name }, { new StringContent(collection), "collection" } };
    }
}
