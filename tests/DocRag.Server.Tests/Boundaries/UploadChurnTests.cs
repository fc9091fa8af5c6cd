using System.Net;
using System.Net.Http.Json;
using System.Text;
using DocRag.Server.Endpoints;
using DocRag.TestSupport;

namespace DocRag.Server.Tests.Boundaries;

/// <summary>Issue 16, cases 5 and 6: big uploads get a Location that works; uploads racing their folder's deletion get no 500.</summary>
public sealed class UploadChurnTests
{
    [Fact]
    public async Task Upload_150Files_LocationAnswersWithTheirDocuments()
    {
        await using var host = await ServerHost.StartAsync();
        var files = Enumerable.Range(1, 150).Select(i => ($"note-{i:D3}-{new string('x', 40)}.txt", Encoding.UTF8.GetBytes($"Note number {i} about walruses."))).ToList();

        using var response = await host.Client.SendAsync(HttpMethod.Post, "/v1/documents", content: ApiRequests.Upload(files, ("collection", "many")));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.True(location.Length <= DocumentEndpoints.MaxLocationLength, $"Location is {location.Length} characters");
        var listed = await Polling.UntilAsync(
            () => host.Client.GetJsonAsync<DocumentList>(location + (location.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "limit=1000"),
            list => list.Total == 150,
            "the upload's documents at its Location");
        Assert.Equal(files.Select(f => f.Item1).Order(StringComparer.Ordinal), listed.Items.Select(d => d.Path));
    }

    [Fact]
    public async Task Upload_RacingTheDeletionOfItsFolder_NeverA5xx()
    {
        await using var host = await ServerHost.StartAsync();
        var folder = Path.Combine(host.DataPath, "uploads", "race");
        var body = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Walruses gather on the ice. ", 40_000))); // ~1 MB: a window to delete in
        using var stop = new CancellationTokenSource();
        var deleted = 0;
        var deleter = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any())
                {
                    try
                    {
                        Directory.Delete(folder, recursive: true);
                        Interlocked.Increment(ref deleted);
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                    {
                        // Raced the server itself: try again.
                    }
                }
                else
                {
                    await Task.Yield();
                }
            }
        });

        var statuses = new List<HttpStatusCode>();
        try
        {
            for (var i = 0; i < 40; i++)
            {
                using var response = await host.Client.SendAsync(
                    HttpMethod.Post, "/v1/documents", content: ApiRequests.Upload([($"walrus-{i}.txt", body)], ("collection", "race"), ("onConflict", "replace")));
                statuses.Add(response.StatusCode);
                Assert.True((int)response.StatusCode < 500, $"upload {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Accepted, HttpStatusCode.Conflict });
            }
        }
        finally
        {
            await stop.CancelAsync();
            await deleter;
        }

        Assert.True(Volatile.Read(ref deleted) > 0, "the folder was deleted under the uploads");
        using var health = await host.Client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var after = await host.Client.PostAsync(new Uri("/v1/documents", UriKind.Relative), ApiRequests.Upload("calm.txt", "After the storm.", ("collection", "race")));
        Assert.Equal(HttpStatusCode.Accepted, after.StatusCode);
        Assert.Equal("After the storm.", File.ReadAllText(Path.Combine(folder, "calm.txt")));
        _ = await after.Content.ReadFromJsonAsync<UploadResponse>();
    }
}
