using DocRag.Core.Hosting;
using DocRag.Core.Ingestion.Sync;
using DocRag.Core.Storage;
using DocRag.Server.Indexing;
using DocRag.TestSupport;
using Microsoft.Data.Sqlite;

namespace DocRag.Server.Tests.Indexing;

public sealed class IndexStartupServiceTests
{
    [Fact]
    public async Task Start_AnalyzerChanged_IndexPendingWhileTheFullTextRowsAreRebuilt()
    {
        using var docs = new TempDirectory("docrag-startup-docs");
        docs.WriteText("a.md", "# Travel\n\nTrains are preferred.");
        docs.WriteText("b.md", "# Viajes\n\nSe prefieren los trenes.");
        using var services = new IndexServices();
        var store = services.Get<IndexStore>();
        await services.Get<FolderSync>().SyncAsync(docs.Path, "docs");
        await ExecuteAsync(store, "UPDATE meta SET value = 'an older analyzer' WHERE key = 'fts_analyzer'; INSERT INTO chunks_fts(chunks_fts) VALUES ('delete-all');");
        var readiness = services.Get<IReadinessState>();
        var startup = new IndexStartupService(store, readiness, Microsoft.Extensions.Logging.Abstractions.NullLogger<IndexStartupService>.Instance);

        // Another writer holds the write lock, so the rebuild cannot finish before the check below.
        await using (var blocker = new SqliteConnection($"Data Source={store.DatabasePath}"))
        {
            await blocker.OpenAsync();
            using (var begin = blocker.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE";
                await begin.ExecuteNonQueryAsync();
            }

            await startup.StartAsync(CancellationToken.None);

            Assert.Equal([IndexStartupService.Component], readiness.Current.Pending.Select(p => p.Component));
            using var rollback = blocker.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }

        await Polling.UntilAsync(() => Task.FromResult(readiness.IsReady), ready => ready, "the rebuild");
        await startup.StopAsync(CancellationToken.None);
        Assert.Equal(FullTextAnalyzer.Signature, await ScalarAsync(store, "SELECT value FROM meta WHERE key = 'fts_analyzer'"));
        Assert.Equal(await ScalarAsync(store, "SELECT count(*) FROM chunks"), await ScalarAsync(store, "SELECT count(*) FROM chunks_fts"));
        startup.Dispose();
    }

    [Fact]
    public async Task Start_NewIndex_CreatedAndReadyAtOnce()
    {
        using var services = new IndexServices();
        var store = services.Get<IndexStore>();
        var readiness = services.Get<IReadinessState>();
        using var startup = new IndexStartupService(store, readiness, Microsoft.Extensions.Logging.Abstractions.NullLogger<IndexStartupService>.Instance);

        await startup.StartAsync(CancellationToken.None);

        Assert.True(readiness.IsReady);
        Assert.True(File.Exists(store.DatabasePath));
        Assert.Equal(FullTextAnalyzer.Signature, await ScalarAsync(store, "SELECT value FROM meta WHERE key = 'fts_analyzer'"));
    }

    private static async Task ExecuteAsync(IndexStore store, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={store.DatabasePath}");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(IndexStore store, string sql)
    {
        using var connection = await store.OpenReadConnectionAsync();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
