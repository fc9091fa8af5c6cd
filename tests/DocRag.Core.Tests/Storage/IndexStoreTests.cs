using DocRag.Core.Ingestion.Chunking;
using DocRag.Core.Ingestion.Parsers;
using DocRag.Core.Storage;
using DocRag.Core.Text;
using DocRag.TestSupport;
using Microsoft.Data.Sqlite;

namespace DocRag.Core.Tests.Storage;

public sealed class IndexStoreTests : IDisposable
{
    private static readonly EmbeddingModelInfo ModelA = new("model-a", 3);
    private readonly TempDirectory _dir = new("docrag-store");
    private readonly IndexStore _store;

    public IndexStoreTests() => _store = new IndexStore(_dir.Combine("index.db"));

    [Fact]
    public async Task EnsureCreatedAsync_NewFile_CreatesCurrentSchemaInWalMode()
    {
        await _store.EnsureCreatedAsync();

        using var connection = await _store.OpenReadConnectionAsync();
        Assert.Equal((long)IndexStore.SchemaVersion, await Scalar(connection, "PRAGMA user_version"));
        Assert.Equal("wal", await Scalar(connection, "PRAGMA journal_mode"));
        Assert.Equal(5L, await Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE name IN ('documents', 'chunks', 'vectors', 'chunks_fts', 'collections')"));
        Assert.Equal("ok", await _store.CheckIntegrityAsync());
    }

    [Fact]
    public async Task EnsureCreatedAsync_FileLeftWithoutSchema_MigratesIt()
    {
        // What a kill between creating the file and the first migration's commit leaves: a WAL database, no tables.
        using (var raw = new SqliteConnection($"Data Source={_store.DatabasePath};Pooling=False"))
        {
            raw.Open();
            await Scalar(raw, "PRAGMA journal_mode = WAL");
        }

        await _store.EnsureCreatedAsync();

        using var connection = await _store.OpenReadConnectionAsync();
        Assert.Equal((long)IndexStore.SchemaVersion, await Scalar(connection, "PRAGMA user_version"));
        Assert.Equal(0, (await _store.GetStatisticsAsync()).Documents);
    }

    [Fact]
    public async Task EnsureCreatedAsync_IndexFromNewerDocRag_FailsWithClearMessage()
    {
        await _store.EnsureCreatedAsync();
        using (var connection = await _store.OpenReadConnectionAsync())
        {
            await Scalar(connection, "PRAGMA user_version = 99");
        }

        using var newer = new IndexStore(_store.DatabasePath);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => newer.EnsureCreatedAsync());
        Assert.Contains("schema version 99", error.Message);
    }

    [Fact]
    public async Task SaveDocumentAsync_RoundTripsDocumentChunksAndVectors()
    {
        await _store.SetEmbeddingModelAsync(ModelA);

        var id = await _store.SaveDocumentAsync(Write("/docs/a.md", "alpha beta", "gamma delta") with { Vectors = Vectors(2), VectorModel = ModelA });

        var document = await _store.GetDocumentAsync(id);
        Assert.NotNull(document);
        Assert.Equal(("/docs/a.md", "main", DocumentStatus.Indexed, 2, "Title a", TextLanguage.English), (document.Path, document.Collection, document.Status, document.ChunkCount, document.Title, document.Language));
        var chunks = await _store.GetDocumentChunksAsync(id);
        Assert.Equal(["alpha beta", "gamma delta"], chunks.Select(c => c.Text));
        Assert.Equal(["Intro", "Part"], chunks[1].HeadingPath);
        Assert.Equal((2, 3), (chunks[1].PageStart, chunks[1].PageEnd));
        var vectors = await _store.GetDocumentVectorsAsync(id);
        Assert.Equal([1f, 0f, 0f], vectors[0].Vector.ToArray());
        Assert.Equal(2, (await _store.GetStatisticsAsync()).Vectors);
    }

    [Fact]
    public async Task SaveDocumentAsync_SamePath_ReplacesChunksAndFtsRowsKeepingTheId()
    {
        var first = await _store.SaveDocumentAsync(Write("/docs/a.md", "original words"));

        var second = await _store.SaveDocumentAsync(Write("/docs/a.md", "replacement text"));

        Assert.Equal(first, second);
        Assert.Empty(await _store.FullTextSearchAsync(new FullTextQuery(Analysed("original"))));
        Assert.Single(await _store.FullTextSearchAsync(new FullTextQuery(Analysed("replacement"))));
        Assert.Equal(1L, (await _store.GetStatisticsAsync()).Chunks);
    }

    [Fact]
    public async Task DeleteDocumentAsync_RemovesChunksVectorsAndFtsRows()
    {
        await _store.SetEmbeddingModelAsync(ModelA);
        var id = await _store.SaveDocumentAsync(Write("/docs/a.md", "alpha", "beta") with { Vectors = Vectors(2), VectorModel = ModelA });

        Assert.True(await _store.DeleteDocumentAsync(id));

        Assert.False(await _store.DeleteDocumentAsync(id));
        var stats = await _store.GetStatisticsAsync();
        Assert.Equal((0, 0L, 0L), (stats.Documents, stats.Chunks, stats.Vectors));
        using var connection = await _store.OpenReadConnectionAsync();
        Assert.Equal(0L, await Scalar(connection, "SELECT count(*) FROM chunks_fts"));
    }

    [Fact]
    public async Task SetEmbeddingModelAsync_DifferentModel_DropsEveryVectorAndRefusesOldOnes()
    {
        await _store.SetEmbeddingModelAsync(ModelA);
        await _store.SaveDocumentAsync(Write("/docs/a.md", "alpha", "beta") with { Vectors = Vectors(2), VectorModel = ModelA });
        var modelB = new EmbeddingModelInfo("model-b", 3);

        Assert.True(await _store.SetEmbeddingModelAsync(modelB));
        Assert.False(await _store.SetEmbeddingModelAsync(modelB));

        Assert.Equal(0, (await _store.GetStatisticsAsync()).Vectors);
        var missing = await _store.GetChunksWithoutVectorsAsync(10);
        Assert.Equal(2, missing.Count);
        Assert.Equal(0, await _store.SaveVectorsAsync(ModelA, [(missing[0].Id, new float[] { 1, 0, 0 })]));
        await _store.SaveDocumentAsync(Write("/docs/b.md", "gamma") with { Vectors = Vectors(1), VectorModel = ModelA });
        Assert.Equal(0, (await _store.GetStatisticsAsync()).Vectors);
        Assert.Equal(2, await _store.SaveVectorsAsync(modelB, missing.Select(m => (m.Id, (ReadOnlyMemory<float>)new float[] { 0, 1, 0 })).ToArray()));
        await foreach (var vector in _store.ReadVectorsAsync())
        {
            Assert.Equal([0f, 1f, 0f], vector.Vector.ToArray());
        }
    }

    [Fact]
    public async Task SaveDocumentAsync_VectorOfWrongDimension_IsRejectedAndNothingWritten()
    {
        await _store.SetEmbeddingModelAsync(ModelA);

        await Assert.ThrowsAsync<ArgumentException>(() => _store.SaveDocumentAsync(Write("/docs/a.md", "alpha") with { Vectors = [new float[5]], VectorModel = ModelA }));

        Assert.Null(await _store.GetDocumentByPathAsync("/docs/a.md"));
    }

    [Fact]
    public async Task FullTextSearchAsync_FiltersAndRanksWithColumnWeights()
    {
        await _store.SaveDocumentAsync(Write("/docs/one.md", "the café serves espresso") with { Title = "Espresso guide" });
        await _store.SaveDocumentAsync(Write("/docs/sub/two.txt", "espresso is mentioned once here among many other words of filler text") with { Type = "txt" });
        await _store.SaveDocumentAsync(Write("/other/three.md", "espresso again") with { Collection = "other" });

        var all = await _store.FullTextSearchAsync(new FullTextQuery(Analysed("espresso"), TitleWeight: 10));
        var chunks = await _store.GetChunksAsync(all.Select(h => h.ChunkId).ToArray());

        Assert.Equal(3, all.Count);
        Assert.Equal("/docs/one.md", chunks[0].Path);
        Assert.Single(await _store.FullTextSearchAsync(new FullTextQuery(Analysed("cafe"))));
        Assert.Equal(2, (await _store.FullTextSearchAsync(new FullTextQuery(Analysed("espresso"), Collection: "main"))).Count);
        Assert.Single(await _store.FullTextSearchAsync(new FullTextQuery(Analysed("espresso"), PathPrefix: "/docs/sub/")));
        Assert.Single(await _store.FullTextSearchAsync(new FullTextQuery(Analysed("espresso"), Type: "txt")));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.FullTextSearchAsync(new FullTextQuery("\"unbalanced")));
    }

    [Fact]
    public async Task EnsureFullTextAnalyzerAsync_AnalysisChanged_RebuildsFtsRowsFromChunks()
    {
        await _store.SaveDocumentAsync(Write("/docs/a.md", "the café serves espresso") with { Title = "Menu" });
        Assert.True(await _store.EnsureFullTextAnalyzerAsync()); // first use records the signature
        Assert.False(await _store.EnsureFullTextAnalyzerAsync());
        using (var connection = await _store.OpenReadConnectionAsync())
        {
            await Scalar(connection, "INSERT INTO chunks_fts(chunks_fts) VALUES ('delete-all')");
            await Scalar(connection, "UPDATE meta SET value = 'older' WHERE key = 'fts_analyzer'");
        }

        Assert.Empty(await _store.FullTextSearchAsync(new FullTextQuery(Analysed("espresso"))));

        Assert.True(await _store.EnsureFullTextAnalyzerAsync());

        Assert.Single(await _store.FullTextSearchAsync(new FullTextQuery(Analysed("espresso"))));
        Assert.Single(await _store.FullTextSearchAsync(new FullTextQuery("title:menu")));
        Assert.False(await _store.EnsureFullTextAnalyzerAsync());
    }

    [Fact]
    public async Task GetChunksAsync_ReturnsRequestedOrderWithDocumentFactsAndSkipsMissing()
    {
        var id = await _store.SaveDocumentAsync(Write("/docs/a.md", "first", "second", "third"));
        var ids = (await _store.GetDocumentChunksAsync(id)).Select(c => c.Id).ToArray();

        var chunks = await _store.GetChunksAsync([ids[2], new ChunkId(999_999), ids[0]]);

        Assert.Equal(["third", "first"], chunks.Select(c => c.Text));
        Assert.All(chunks, c => Assert.Equal(("/docs/a.md", "main", "Title a", "md"), (c.Path, c.Collection, c.Title, c.Type)));
    }

    [Fact]
    public async Task ListDocumentsAsync_PagesAndFiltersByStatusAndCollection()
    {
        for (var i = 0; i < 5; i++)
        {
            await _store.SaveDocumentAsync(Write($"/docs/{i}.md", $"text {i}"));
        }

        await _store.SaveDocumentAsync(Write("/docs/bad.pdf") with { Failure = new ParseFailure(ParseFailureKind.Encrypted, "needs a password") });
        await _store.SetCollectionRootAsync("main", "/docs");

        var page = await _store.ListDocumentsAsync(new DocumentQuery(Offset: 2, Limit: 2));
        var failed = await _store.ListDocumentsAsync(new DocumentQuery(Status: DocumentStatus.Failed));
        var collections = await _store.ListCollectionsAsync();

        Assert.Equal((2, 6), (page.Items.Count, page.Total));
        var bad = Assert.Single(failed.Items);
        Assert.Equal(("encrypted", "needs a password", 0), (bad.Error, bad.Reason, bad.ChunkCount));
        Assert.Equal(new CollectionSummary("main", "/docs", 6, 5, 1, 5), Assert.Single(collections));
    }

    [Fact]
    public async Task ListDocumentsAsync_CollectionsSet_OnlyThoseCollectionsCountedAndPaged()
    {
        await _store.SaveDocumentAsync(Write("/hr/a.md", "x") with { Collection = "hr" });
        await _store.SaveDocumentAsync(Write("/hr/b.md", "x") with { Collection = "hr" });
        await _store.SaveDocumentAsync(Write("/legal/c.md", "x") with { Collection = "legal" });
        await _store.SaveDocumentAsync(Write("/finance/d.md", "x") with { Collection = "finance" });

        var scoped = await _store.ListDocumentsAsync(new DocumentQuery(Limit: 2, Collections: ["hr", "legal"]));
        var both = await _store.ListDocumentsAsync(new DocumentQuery(Collection: "finance", Collections: ["hr"]));
        var none = await _store.ListDocumentsAsync(new DocumentQuery(Collections: []));

        Assert.Equal(3, scoped.Total);
        Assert.Equal(["/hr/a.md", "/hr/b.md"], scoped.Items.Select(d => d.Path));
        Assert.Equal(0, both.Total);
        Assert.Equal(0, none.Total);
    }

    [Fact]
    public async Task Writes_RaiseChangedWithGrowingVersion()
    {
        var events = new List<StoreChangedEventArgs>();
        _store.Changed += (_, e) => events.Add(e);

        var id = await _store.SaveDocumentAsync(Write("/docs/a.md", "x"));
        await _store.MoveDocumentAsync(id, "/docs/b.md", "main", new FileFingerprint("sha", 1, 2));
        await _store.DeleteDocumentAsync(id);

        Assert.Equal([StoreChangeKind.DocumentWritten, StoreChangeKind.DocumentMoved, StoreChangeKind.DocumentDeleted], events.Select(e => e.Kind));
        Assert.Equal(events.Select(e => e.Version).Order(), events.Select(e => e.Version));
        Assert.Equal(events[^1].Version, await _store.GetVersionAsync());
    }

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    private static DocumentWrite Write(string path, params string[] chunkTexts)
    {
        var chunks = chunkTexts.Select((t, i) => new DocumentChunk(i, t, i == 0 ? ["Intro"] : ["Intro", "Part"], i + 1, i + 2, i * 100, (i * 100) + t.Length, 2)).ToArray();
        return new DocumentWrite(path, "main", new FileFingerprint("abc", 10, 20), "md", "Title " + Path.GetFileNameWithoutExtension(path), 3, TextLanguage.English, null, null, chunks);
    }

    private static ReadOnlyMemory<float>[] Vectors(int count) =>
        Enumerable.Range(0, count).Select(i => (ReadOnlyMemory<float>)new float[] { i == 0 ? 1 : 0, i == 0 ? 0 : 1, 0 }).ToArray();

    private static async Task<object?> Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    // The index stores analysed terms (stems), so tests query through the same analysis as retrieval.
    private static string Analysed(string words) => SearchText.ForQuery(words)!.MatchAny;
}
