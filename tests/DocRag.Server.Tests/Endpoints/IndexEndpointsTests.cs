using System.Net;
using System.Net.Http.Json;
using DocRag.Server.Endpoints;
using DocRag.Server.Tests.Problems;
using DocRag.TestSupport;

namespace DocRag.Server.Tests.Endpoints;

public sealed class IndexEndpointsTests
{
    // The watcher waits far longer than the tests run, so changes are indexed only by the syncs the tests ask for.
    private static readonly Dictionary<string, string?> QuietWatcher = new() { ["DocRag:Ingestion:WatchDebounceMilliseconds"] = "600000" };

    private static readonly Dictionary<string, IReadOnlyDictionary<string, string>> Two = new()
    {
        ["hr"] = new Dictionary<string, string> { ["leave.md"] = "# Leave\n\nSixteen weeks.", ["empty.txt"] = "" },
        ["finance"] = new Dictionary<string, string> { ["budget.md"] = "# Budget\n\nFixed." },
    };

    [Fact]
    public async Task Status_AfterTheStartSync_IdleWithCountsAndLastRun()
    {
        await using var host = await ApiHost.StartAsync(Two, QuietWatcher);

        var status = await IdleStatusAsync(host);

        Assert.Equal("idle", status.State);
        Assert.Equal((3, 2, 1, 0), (status.Counts.Documents, status.Counts.Indexed, status.Counts.Failed, status.Counts.Pending));
        Assert.True(status.Counts.Chunks > 0);
        Assert.Equal(status.Counts.Chunks, status.Counts.ChunksWithoutVectors); // no embedding model: keyword-only
        Assert.Equal(0, status.Counts.Vectors);
        Assert.Null(status.Progress);
        Assert.Empty(status.Queued);
        Assert.NotNull(status.LastRun);
        Assert.Null(status.EmbeddingModel);
    }

    [Fact]
    public async Task Sync_NewFileInAFolder_IndexedByTheRequestedSync()
    {
        await using var host = await ApiHost.StartAsync(Two, QuietWatcher);
        File.WriteAllText(Path.Combine(host.Folders["finance"], "forecast.md"), "# Forecast\n\nGrowth is expected.");

        using var response = await host.Client.PostAsJsonAsync("/v1/index/sync", new { collection = "finance" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("/v1/index/status", response.Headers.Location!.OriginalString);
        var body = (await response.Content.ReadFromJsonAsync<SyncResponse>())!;
        Assert.Equal(["finance"], body.Collections);
        await host.DocumentsWhenAsync("/v1/documents?collection=finance", l => l.Total == 2);
        var status = await IdleStatusAsync(host);
        Assert.Equal(("finance", 1), (status.LastRun!.Collection, status.LastRun.Added));
    }

    [Fact]
    public async Task Sync_WithoutBody_QueuesEveryCollectionFolder()
    {
        await using var host = await ApiHost.StartAsync(Two, QuietWatcher);
        File.WriteAllText(Path.Combine(host.Folders["hr"], "new-hr.md"), "# New");
        File.WriteAllText(Path.Combine(host.Folders["finance"], "new-finance.md"), "# New");

        using var response = await host.Client.PostAsync(new Uri("/v1/index/sync", UriKind.Relative), null);

        var body = (await response.Content.ReadFromJsonAsync<SyncResponse>())!;
        Assert.Equal(["finance", "hr"], body.Collections.Order(StringComparer.Ordinal));
        await host.DocumentsWhenAsync("/v1/documents", l => l.Total == 5);
    }

    [Fact]
    public async Task Sync_UnknownCollection_404()
    {
        await using var host = await ApiHost.StartAsync(Two, QuietWatcher);

        using var response = await host.Client.PostAsJsonAsync("/v1/index/sync", new { collection = "nope" });

        await ProblemExceptionHandlerTests.ReadProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task ScopedKey_SyncAndStatus_OnlyItsCollections()
    {
        var settings = new Dictionary<string, string?>(QuietWatcher);
        foreach (var (key, value) in ServerHost.WithKeys("finance"))
        {
            settings[key] = value;
        }

        await using var host = await ApiHost.StartAsync(Two, settings, ServerHost.AliceKey);

        using var other = await host.Client.SendAsync(HttpMethod.Post, "/v1/index/sync", ServerHost.BobKey, JsonContent.Create(new { collection = "hr" }));
        using var all = await host.Client.SendAsync(HttpMethod.Post, "/v1/index/sync", ServerHost.BobKey);
        var status = await Polling.UntilAsync(
            () => host.Client.GetJsonAsync<IndexStatusResponse>("/v1/index/status", ServerHost.BobKey), s => s.State == "idle", "idle");

        await ProblemExceptionHandlerTests.ReadProblemAsync(other, HttpStatusCode.Forbidden, "collection-forbidden");
        Assert.Equal(["finance"], (await all.Content.ReadFromJsonAsync<SyncResponse>())!.Collections);
        Assert.Equal((1, 1, 0), (status.Counts.Documents, status.Counts.Indexed, status.Counts.Failed));
        Assert.Null(status.Counts.Vectors);
        Assert.True(status.LastRun is null || status.LastRun.Collection == "finance");
    }

    private static Task<IndexStatusResponse> IdleStatusAsync(ApiHost host) =>
        Polling.UntilAsync(() => host.Client.GetJsonAsync<IndexStatusResponse>("/v1/index/status"), s => s.State == "idle", "idle index");
}
