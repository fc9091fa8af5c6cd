using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DocRag.TestSupport;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace DocRag.Cli.Tests.Commands;

/// <summary>
/// <c>docrag serve</c> killed with SIGKILL at random points while a client uploads files, several times: after every
/// kill the collection folder holds only whole files, every upload the server acknowledged is there, and once the
/// client retries everything each file is stored and indexed exactly once.
/// </summary>
public sealed class ServeUploadKillTests(ITestOutputHelper output) : IDisposable
{
    private const int FileCount = 16;
    private const int Rounds = 4;
    private readonly TempDirectory _data = new("docrag-upload-kill-data");
    private readonly TempDirectory _root = new("docrag-upload-kill-docs");

    [Fact]
    public async Task Upload_ServerKilledAtRandomPoints_NoFileLostPartialOrDuplicated()
    {
        var docs = Directory.CreateDirectory(_root.Combine("inbox")).FullName;
        File.WriteAllText(Path.Combine(docs, "seed.md"), "# Seed\n\nAlready here.");
        var payloads = Enumerable.Range(0, FileCount).ToDictionary(i => $"upload{i:D2}.txt", Payload);
        var acknowledged = new HashSet<string>(StringComparer.Ordinal);
        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var killedMidUpload = 0;
        for (var round = 0; round < Rounds; round++)
        {
            using var serve = ServeProcess.Start(_data.Path, [docs]);
            await serve.WaitReadyAsync();
            var uploads = UploadAllAsync(serve.Client, payloads.Where(p => !acknowledged.Contains(p.Key)), acknowledged);
            var delay = random.Next(20, 400);
            await Task.WhenAny(uploads, Task.Delay(delay));
            if (!uploads.IsCompleted)
            {
                killedMidUpload++;
            }

            serve.KillHard();
            await uploads;
            output.WriteLine($"round {round}: killed after {delay} ms, {acknowledged.Count} acknowledged");
            AssertFolderSound(docs, payloads, acknowledged);
            await IndexDatabase.AssertSoundAsync(_data.Path); // the index the killed server was writing is sound too
        }

        using (var final = ServeProcess.Start(_data.Path, [docs]))
        {
            await final.WaitReadyAsync();
            foreach (var (name, content) in payloads)
            {
                using var response = await final.Client.PostAsync(new Uri("/v1/documents", UriKind.Relative), Form(name, content));
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                var file = body.RootElement.GetProperty("files")[0];
                Assert.Equal(name, file.GetProperty("path").GetString()); // same content under the same name: never a "name (2)"
                var outcome = file.GetProperty("outcome").GetString();
                Assert.Contains(outcome, acknowledged.Contains(name) ? ["unchanged"] : new[] { "created", "unchanged" }); // acknowledged: never lost
            }

            var listed = await IndexedAsync(final, FileCount + 1);
            Assert.Equal(
                payloads.Keys.Append("seed.md").Order(StringComparer.Ordinal),
                listed.Select(d => d.GetProperty("path").GetString()!).Order(StringComparer.Ordinal));
            Assert.All(listed.Where(d => d.GetProperty("path").GetString() != "seed.md"), d =>
                Assert.Equal(Sha(payloads[d.GetProperty("path").GetString()!]), d.GetProperty("sha256").GetString()));
        }

        AssertFolderSound(docs, payloads, [.. payloads.Keys]);
        Assert.True(killedMidUpload > 0, "at least one round should have been killed while uploading");
        Assert.Equal("ok", await IntegrityAsync());
        await IndexDatabase.AssertSoundAsync(_data.Path);
        Assert.Equal(0L, await IndexDatabase.CountAsync(_data.Path, "SELECT count(*) FROM (SELECT sha256 FROM documents GROUP BY sha256 HAVING count(*) > 1)")); // no content indexed twice
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _data.Dispose();
        _root.Dispose();
    }

    /// <summary>Uploads one file per request; a request cut by the kill ends the loop (its file may or may not be stored).</summary>
    private static async Task UploadAllAsync(HttpClient client, IEnumerable<KeyValuePair<string, byte[]>> files, HashSet<string> acknowledged)
    {
        foreach (var (name, content) in files.ToList())
        {
            try
            {
                using var response = await client.PostAsync(new Uri("/v1/documents", UriKind.Relative), Form(name, content));
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                acknowledged.Add(name);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Only whole files under their names, every acknowledged upload present, and nothing else but hidden temp files.</summary>
    private static void AssertFolderSound(string docs, Dictionary<string, byte[]> payloads, IReadOnlyCollection<string> mustExist)
    {
        var names = Directory.GetFiles(docs).Select(Path.GetFileName).ToList();
        foreach (var name in names.Where(n => n![0] != '.'))
        {
            if (name != "seed.md")
            {
                Assert.True(payloads.TryGetValue(name!, out var expected), $"unexpected file {name}");
                Assert.Equal(Sha(expected), Sha(File.ReadAllBytes(Path.Combine(docs, name!))));
            }
        }

        Assert.All(names.Where(n => n![0] == '.'), n => Assert.Matches(@"^\.docrag-upload-[0-9a-f]{32}\.part$", n));
        Assert.All(mustExist, n => Assert.Contains(n, names));
    }

    private static async Task<List<JsonElement>> IndexedAsync(ServeProcess serve, int total)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            using var document = JsonDocument.Parse(await serve.Client.GetStringAsync(new Uri("/v1/documents?limit=1000", UriKind.Relative)));
            var items = document.RootElement.GetProperty("items").EnumerateArray().Select(e => e.Clone()).ToList();
            if (items.Count == total && items.All(d => d.GetProperty("status").GetString() == "indexed"))
            {
                return items;
            }

            Assert.True(DateTime.UtcNow < deadline, $"expected {total} indexed documents, got {items.Count}\n{serve.Output}");
            await Task.Delay(200);
        }
    }

    private async Task<string> IntegrityAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_data.Path, "docrag.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static MultipartFormDataContent Form(string name, byte[] content)
    {
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        return new MultipartFormDataContent { { part, "files", name } };
    }

    // About 300 KB of distinct text per file, so writing one takes long enough to be cut.
    private static byte[] Payload(int index)
    {
        var line = $"Upload {index}: the quick brown fox jumps over the lazy dog number {index}.\n";
        return Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(line, 300_000 / line.Length)));
    }

    private static string Sha(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
