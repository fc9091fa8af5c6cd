using System.Globalization;
using System.Text;
using DocRag.Core.Ingestion.Sync;
using DocRag.Core.Storage;
using DocRag.Core.Text;
using DocRag.TestSupport;
using Microsoft.Data.Sqlite;

namespace DocRag.Core.Tests.Ingestion.Sync;

/// <summary>
/// A sync that runs out of room (SQLite's real SQLITE_FULL, reached through <see cref="StorageOptions.MaxDatabaseMegabytes"/>,
/// i.e. <c>max_page_count</c>): it stops with a clear "disk full" error, the file stays sound, the documents written
/// before are whole and searchable, and once there is room the next sync indexes the rest.
/// </summary>
public sealed class FolderSyncDiskFullTests : IDisposable
{
    private const int Files = 120;
    private readonly TempDirectory _docs = new("docrag-full-docs");
    private readonly TempDirectory _data = new("docrag-full-data");
    private readonly SyncHarness _harness = new();

    public FolderSyncDiskFullTests()
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

    [Fact]
    public async Task SyncAsync_DiskFull_FailsClearlyKeepsIndexSoundAndResumesWithRoom()
    {
        var embedder = new HashingTestEmbedder("model-a");
        var database = _data.Combine("docrag.db");
        var status = new IndexingStatusTracker();
        int written;
        using (var full = new IndexStore(database, new StorageOptions { MaxDatabaseMegabytes = 1 }))
        {
            using var sync = CreateSync(full, status, embedder);
            var error = await Assert.ThrowsAsync<IndexStorageFullException>(() => sync.SyncAsync(_docs.Path, "reports"));
            Assert.StartsWith("disk full: ", error.Message, StringComparison.Ordinal);
            Assert.Contains("MaxDatabaseMegabytes = 1 MiB", error.Message, StringComparison.Ordinal);
            Assert.Equal(error.Message, status.Current.LastError);

            Assert.Equal("ok", await full.CheckIntegrityAsync());
            written = await AssertWholeAsync(full);
            Assert.InRange(written, 1, Files - 1); // some fitted, the rest did not

            // Documents written before the disk filled are searchable, and a write still fails clearly (nothing half-done).
            var stored = (await full.ListDocumentsAsync(new DocumentQuery(Limit: 1))).Items[0];
            var marker = $"unique{stored.Path[^6..^3]}x";
            Assert.Single(await full.FullTextSearchAsync(new FullTextQuery(SearchText.ForQuery(marker)!.MatchAny)));
            await Assert.ThrowsAsync<IndexStorageFullException>(() => sync.SyncAsync(_docs.Path, "reports"));
            Assert.Equal(written, await AssertWholeAsync(full));
        }

        SqliteConnection.ClearAllPools();
        using (var roomy = new IndexStore(database, new StorageOptions { MaxDatabaseMegabytes = 64 }))
        {
            using var sync = CreateSync(roomy, new IndexingStatusTracker(), embedder);
            var report = await sync.SyncAsync(_docs.Path, "reports");
            Assert.Equal(Files - written, report.Added);
            Assert.Equal("ok", await roomy.CheckIntegrityAsync());
            Assert.Equal(Files, await AssertWholeAsync(roomy));
            var stats = await roomy.GetStatisticsAsync();
            Assert.Equal((Files, 0L), (stats.Indexed, stats.ChunksWithoutVectors));
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _harness.Dispose();
        _docs.Dispose();
        _data.Dispose();
    }

    private FolderSync CreateSync(IndexStore store, IndexingStatusTracker status, HashingTestEmbedder embedder) => _harness.CreateSync(store, status, embedder);

    /// <summary>Every document row has all its chunks, FTS rows and vectors; returns how many there are.</summary>
    private static async Task<int> AssertWholeAsync(IndexStore store)
    {
        using var connection = await store.OpenReadConnectionAsync();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT count(*) FROM documents),
                   (SELECT count(*) FROM documents d WHERE d.status <> 'indexed' OR d.chunk_count = 0
                        OR d.chunk_count <> (SELECT count(*) FROM chunks c WHERE c.document_id = d.id)
                        OR d.chunk_count <> (SELECT count(*) FROM chunks c JOIN vectors v ON v.chunk_id = c.id WHERE c.document_id = d.id)),
                   (SELECT count(*) FROM chunks) - (SELECT count(*) FROM chunks_fts)
            """;
        using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal((0L, 0L), (reader.GetInt64(1), reader.GetInt64(2)));
        return (int)reader.GetInt64(0);
    }
}
