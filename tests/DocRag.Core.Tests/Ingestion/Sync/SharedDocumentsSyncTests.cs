using DocRag.Core.Ingestion;
using DocRag.Core.Storage;
using DocRag.TestSupport;

namespace DocRag.Core.Tests.Ingestion.Sync;

/// <summary>The real-world shared set through the whole sync: every file ends indexed or failed with a reason.</summary>
public sealed class SharedDocumentsSyncTests
{
    [SharedDataFact]
    public async Task SyncAsync_SharedDocuments_EveryFileEndsIndexedOrFailedWithReason()
    {
        var folder = Path.Combine(TestEnvironment.DataDirectory, "docs");
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories);
        using var index = new SyncHarness(new IngestionOptions { MaxParallelism = 2 });

        var report = await index.SyncAsync(folder, new HashingTestEmbedder("model-a"));
        var again = await index.SyncAsync(folder, new HashingTestEmbedder("model-a"));

        Assert.Equal(files.Length, report.Scanned);
        var documents = (await index.Store.ListDocumentsAsync(new DocumentQuery(Limit: 1000))).Items;
        Assert.Equal(files.Order(StringComparer.Ordinal), documents.Select(d => d.Path).Order(StringComparer.Ordinal));
        foreach (var document in documents)
        {
            if (document.Status == DocumentStatus.Indexed)
            {
                Assert.True(document.ChunkCount > 0, document.Path);
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(document.Error), document.Path);
                Assert.False(string.IsNullOrWhiteSpace(document.Reason), document.Path);
            }

            if (document.Path.Contains("/encrypted/", StringComparison.Ordinal))
            {
                Assert.True(document.Error == "encrypted" || document.Note?.Contains("encrypted", StringComparison.Ordinal) == true, document.Path);
            }
        }

        var stats = await index.Store.GetStatisticsAsync();
        Assert.Equal(stats.Chunks, stats.Vectors);
        Assert.Equal(files.Length, again.Unchanged);
        Assert.Equal("ok", await index.Store.CheckIntegrityAsync());
    }
}
