using DocRag.Core.Storage;
using DocRag.Server.Indexing;
using DocRag.TestSupport;

namespace DocRag.Server.Tests.Indexing;

public sealed class SyncSchedulerTests
{
    [Fact]
    public void Enqueue_SameCollectionBeforeItRuns_QueuedOnceWithPendingFilesSummed()
    {
        using var services = new IndexServices();
        var scheduler = services.Get<SyncScheduler>();

        scheduler.Enqueue("a", newFiles: 2);
        scheduler.Enqueue("b");
        scheduler.Enqueue("a", newFiles: 1);

        var snapshot = scheduler.Snapshot();
        Assert.Equal(["a", "b"], snapshot.Queued);
        Assert.Equal(3, snapshot.PendingFiles["a"]);
        Assert.False(snapshot.PendingFiles.ContainsKey("b"));
        Assert.True(snapshot.IsBusy);
        Assert.Null(snapshot.Running);
    }

    [Fact]
    public async Task Run_SyncsQueuedFoldersAndSkipsUnknownOnes_ThenPendingIsCleared()
    {
        using var docs = new TempDirectory("docrag-scheduler-docs");
        docs.WriteText("a.md", "# A");
        docs.WriteText("b.md", "# B");
        using var services = new IndexServices(new Dictionary<string, string?>
        {
            ["DocRag:Ingestion:Folders:0:Path"] = docs.Path,
            ["DocRag:Ingestion:Folders:0:Collection"] = "docs",
        });
        var scheduler = services.Get<SyncScheduler>();
        scheduler.Enqueue("unknown");
        scheduler.Enqueue("docs", newFiles: 2);

        await scheduler.StartAsync(CancellationToken.None);
        try
        {
            await Polling.UntilAsync(() => Task.FromResult(scheduler.Snapshot()), s => !s.IsBusy, "the queue to drain");
        }
        finally
        {
            await scheduler.StopAsync(CancellationToken.None);
        }

        var page = await services.Get<IndexStore>().ListDocumentsAsync(new DocumentQuery("docs"));
        Assert.Equal(2, page.Total);
        Assert.Empty(scheduler.Snapshot().PendingFiles);
    }
}
