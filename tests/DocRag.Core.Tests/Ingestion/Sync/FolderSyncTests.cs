using DocRag.Core.Ingestion.Sync;
using DocRag.Core.Storage;
using DocRag.Core.Text;
using DocRag.TestSupport;
using Microsoft.Extensions.AI;

namespace DocRag.Core.Tests.Ingestion.Sync;

/// <summary>
/// Each change to a folder, synced incrementally, leaves exactly the rows a clean full index of the same folder has.
/// </summary>
public sealed class FolderSyncTests : IDisposable
{
    private readonly TempDirectory _folder = new("docrag-docs");
    private readonly SyncHarness _index = new();

    public FolderSyncTests()
    {
        _folder.WriteText("guide.md", "# Guide\n\nInstall the package first. Then run the tool.\n\n## Usage\n\nCall the command with a folder.\n");
        _folder.WriteText("notes/meeting.txt", "The meeting moved to Tuesday.\n\nBring the quarterly numbers and the budget draft.");
        _folder.WriteText("notes/recetas.txt", "La receta de la paella lleva arroz, azafrán y caldo de pescado. Se cocina a fuego lento.");
        _folder.WriteText("page.html", "<html><head><title>Status page</title></head><body><h1>Status</h1><p>All systems are running.</p></body></html>");
    }

    [Fact]
    public async Task SyncAsync_NewFolder_IndexesEveryFileAndMatchesCleanIndex()
    {
        var embedder = new HashingTestEmbedder("model-a");
        var report = await _index.SyncAsync(_folder.Path, embedder);

        Assert.Equal(4, report.Added);
        Assert.Equal(0, report.Failed);
        var stats = await _index.Store.GetStatisticsAsync();
        Assert.Equal(4, stats.Indexed);
        Assert.Equal(stats.Chunks, stats.Vectors);
        Assert.Equal(0, stats.ChunksWithoutVectors);
        await AssertMatchesCleanIndexAsync(embedder);
    }

    [Fact]
    public async Task SyncAsync_AddedFile_IsIndexedAndOthersSkipped()
    {
        var embedder = new HashingTestEmbedder("model-a");
        await _index.SyncAsync(_folder.Path, embedder);
        var embedded = embedder.TextsEmbedded;

        _folder.WriteText("notes/new.md", "# New\n\nA freshly added note about penguins.");
        var report = await _index.SyncAsync(_folder.Path, embedder);

        Assert.Equal((1, 0, 4), (report.Added, report.Updated, report.Unchanged));
        Assert.True(embedder.TextsEmbedded > embedded);
        Assert.Single(await _index.Store.FullTextSearchAsync(new FullTextQuery(Analysed("penguins"))));
        await AssertMatchesCleanIndexAsync(embedder);
    }

    [Fact]
    public async Task SyncAsync_EditedFile_ReplacesItsChunksVectorsAndFtsRows()
    {
        var embedder = new HashingTestEmbedder("model-a");
        await _index.SyncAsync(_folder.Path, embedder);
        var before = await _index.Store.GetDocumentByPathAsync(_folder.Combine("notes", "meeting.txt"));

        _folder.WriteText("notes/meeting.txt", "The meeting is cancelled; the kangaroo exhibit opens instead.");
        File.SetLastWriteTimeUtc(_folder.Combine("notes", "meeting.txt"), DateTime.UtcNow.AddMinutes(1));
        var report = await _index.SyncAsync(_folder.Path, embedder);

        Assert.Equal((0, 1, 3), (report.Added, report.Updated, report.Unchanged));
        var after = await _index.Store.GetDocumentByPathAsync(_folder.Combine("notes", "meeting.txt"));
        Assert.Equal(before!.Id, after!.Id);
        Assert.NotEqual(before.Fingerprint.Sha256, after.Fingerprint.Sha256);
        Assert.Empty(await _index.Store.FullTextSearchAsync(new FullTextQuery(Analysed("quarterly"))));
        Assert.Single(await _index.Store.FullTextSearchAsync(new FullTextQuery(Analysed("kangaroo"))));
        await AssertMatchesCleanIndexAsync(embedder);
    }

    [Fact]
    public async Task SyncAsync_RenamedFile_IsMovedWithoutReparsingOrReembedding()
    {
        var embedder = new HashingTestEmbedder("model-a");
        await _index.SyncAsync(_folder.Path, embedder);
        var before = await _index.Store.GetDocumentByPathAsync(_folder.Combine("guide.md"));
        var embedded = embedder.TextsEmbedded;

        File.Move(_folder.Combine("guide.md"), _folder.Combine("handbook.md"));
        var report = await _index.SyncAsync(_folder.Path, embedder);

        Assert.Equal((1, 0, 0, 0), (report.Moved, report.Added, report.Updated, report.Deleted));
        Assert.Equal(embedded, embedder.TextsEmbedded);
        var after = await _index.Store.GetDocumentByPathAsync(_folder.Combine("handbook.md"));
        Assert.Equal(before!.Id, after!.Id);
        Assert.Null(await _index.Store.GetDocumentByPathAsync(_folder.Combine("guide.md")));
        await AssertMatchesCleanIndexAsync(embedder);
    }

    [Fact]
    public async Task SyncAsync_FileMovedToAnotherFolder_IsMovedWithoutReembedding()
    {
        var embedder = new HashingTestEmbedder("model-a");
        await _index.SyncAsync(_folder.Path, embedder);
        var embedded = embedder.TextsEmbedded;

        Directory.CreateDirectory(_folder.Combine("archive", "2024"));
        File.Move(_folder.Combine("notes", "recetas.txt"), _folder.Combine("archive", "2024", "recetas.txt"));
        var report = await _index.SyncAsync(_folder.Path, embedder);

        Assert.Equal((1, 0, 0), (report.Moved, report.Added, report.Deleted));
        Assert.Equal(embedded, embedder.TextsEmbedded);
        await AssertMatchesCleanIndexAsync(embedder);
    }

    [Fact]
    public async Task SyncAsync_FileMovedBetweenCollections_KeepsItsChunks()
    {
        using var other = new TempDirectory("docrag-other");
        var embedder = new HashingTestEmbedder("model-a");
        await _index.SyncAsync(_folder.Path, embedder, "main");
        await _index.SyncAsync(other.Path, embedder, "other");
        var embedded = embedder.TextsEmbedded;

        File.Move(_folder.Combine("page.html"), Path.Combine(other.Path, "page.html"));
        var intoOther = await _index.SyncAsync(other.Path, embedder, "other");
        var fromMain = await _index.SyncAsync(_folder.Path, embedder, "main");

        Assert.Equal((1, 0), (intoOther.Moved, intoOther.Added));
        Assert.Equal(0, fromMain.Deleted);
        Assert.Equal(embedded, embedder.TextsEmbedded);
        var moved = await _index.Store.GetDocumentByPathAsync(Path.Combine(other.Path, "page.html"));
        Assert.Equal("other", moved!.Collection);
        Assert.Equal(1, moved.ChunkCount);
    }

    [Fact]
    public async Task SyncAsync_DeletedFile_RemovesItsChunksVectorsAndFtsRows()
    {
        var embedder = new HashingTestEmbedder("model-a");
        await _index.SyncAsync(_folder.Path, embedder);
        Assert.NotEmpty(await _index.Store.FullTextSearchAsync(new FullTextQuery(Analysed("paella"))));

        File.Delete(_folder.Combine("notes", "recetas.txt"));
        var report = await _index.SyncAsync(_folder.Path, embedder);

        Assert.Equal(1, report.Deleted);
        Assert.Empty(await _index.Store.FullTextSearchAsync(new FullTextQuery(Analysed("paella"))));
        var stats = await _index.Store.GetStatisticsAsync();
        Assert.Equal(3, stats.Documents);
        Assert.Equal(stats.Chunks, stats.Vectors);
        await AssertMatchesCleanIndexAsync(embedder);
    }

    [Fact]
    public async Task SyncAsync_TouchedButUnchangedFile_IsNotReindexed()
    {
        var embedder = new HashingTestEmbedder("model-a");
        await _index.SyncAsync(_folder.Path, embedder);
        var before = await _index.Store.GetDocumentByPathAsync(_folder.Combine("guide.md"));
        var (embedded, version) = (embedder.TextsEmbedded, await _index.Store.GetVersionAsync());

        File.SetLastWriteTimeUtc(_folder.Combine("guide.md"), DateTime.UtcNow.AddHours(1));
        var touched = await _index.SyncAsync(_folder.Path, embedder);
        var again = await _index.SyncAsync(_folder.Path, embedder);

        Assert.Equal((1, 0, 0), (touched.Touched, touched.Updated, touched.Added));
        Assert.Equal((0, 4), (again.Touched, again.Unchanged));
        Assert.Equal(embedded, embedder.TextsEmbedded);
        Assert.Equal(version, await _index.Store.GetVersionAsync());
        var after = await _index.Store.GetDocumentByPathAsync(_folder.Combine("guide.md"));
        Assert.Equal(before!.IndexedAt, after!.IndexedAt);
        await AssertMatchesCleanIndexAsync(embedder);
    }

    [Fact]
    public async Task SyncAsync_ModelChange_ReembedsEveryChunkWithoutMixingModels()
    {
        await _index.SyncAsync(_folder.Path, new HashingTestEmbedder("model-a"));
        var modelB = new HashingTestEmbedder("model-b", dimension: 12);

        var report = await _index.SyncAsync(_folder.Path, modelB);

        Assert.True(report.ModelChanged);
        var stats = await _index.Store.GetStatisticsAsync();
        Assert.Equal(new EmbeddingModelInfo("model-b", 12), stats.EmbeddingModel);
        Assert.Equal(stats.Chunks, report.VectorsEmbedded);
        Assert.Equal(stats.Chunks, stats.Vectors);
        await foreach (var vector in _index.Store.ReadVectorsAsync())
        {
            Assert.Equal(12, vector.Vector.Length);
        }

        await AssertMatchesCleanIndexAsync(modelB);
    }

    [Fact]
    public async Task SyncAsync_KeywordOnlyIndexThenEmbedder_EmbedsExistingChunks()
    {
        await _index.SyncAsync(_folder.Path, embedder: null);
        Assert.Equal(0, (await _index.Store.GetStatisticsAsync()).Vectors);
        var embedder = new HashingTestEmbedder("model-a");

        var report = await _index.SyncAsync(_folder.Path, embedder);

        Assert.Equal(4, report.Unchanged);
        Assert.True(report.VectorsEmbedded > 0);
        await AssertMatchesCleanIndexAsync(embedder);
    }

    [Fact]
    public async Task SyncAsync_EmbedderFailing_WritesKeywordOnlyAndNextSyncCatchesUp()
    {
        var embedder = new HashingTestEmbedder("model-a") { Fail = true };
        var failing = await _index.SyncAsync(_folder.Path, embedder);
        Assert.Equal(4, failing.Added);
        Assert.Equal(0, (await _index.Store.GetStatisticsAsync()).Vectors);

        embedder.Fail = false;
        await _index.SyncAsync(_folder.Path, embedder);

        await AssertMatchesCleanIndexAsync(embedder);
    }

    [Fact]
    public async Task SyncAsync_BadDocument_IsFailedWithReasonAndOthersIndexed()
    {
        _folder.WriteText("broken.pdf", "this is not a pdf at all");
        _folder.WriteText("image.png", "not really an image");
        _folder.WriteText("~$draft.docx", "office lock file");
        _folder.WriteText(".hidden.md", "# hidden");

        var report = await _index.SyncAsync(_folder.Path);

        Assert.Equal(6, report.Added);
        Assert.Equal(2, report.Failed);
        var failed = (await _index.Store.ListDocumentsAsync(new DocumentQuery(Status: DocumentStatus.Failed))).Items;
        Assert.Equal(["damaged", "unsupported type"], failed.OrderBy(d => d.Path).Select(d => d.Error));
        Assert.All(failed, d => Assert.False(string.IsNullOrWhiteSpace(d.Reason)));
        Assert.Null(await _index.Store.GetDocumentByPathAsync(_folder.Combine("~$draft.docx")));
    }

    [Fact]
    public async Task SyncAsync_CancelledMidway_ReRunConvergesToCleanIndex()
    {
        for (var i = 0; i < 30; i++)
        {
            _folder.WriteText($"bulk/file{i:D2}.txt", string.Join(' ', Enumerable.Repeat($"Sentence {i} about topic {i}.", 40)));
        }

        var embedder = new HashingTestEmbedder("model-a");
        using var cts = new CancellationTokenSource();
        var writes = 0;
        _index.Store.Changed += (_, e) =>
        {
            if (e.Kind == StoreChangeKind.DocumentWritten && Interlocked.Increment(ref writes) == 5)
            {
                cts.Cancel();
            }
        };
        using (var sync = _index.CreateSync(embedder))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sync.SyncAsync(_folder.Path, cancellationToken: cts.Token));
        }

        Assert.InRange((await _index.Store.GetStatisticsAsync()).Documents, 5, 33);
        Assert.Equal("ok", await _index.Store.CheckIntegrityAsync());
        Assert.Equal("idle", _index.Status.Current.State);
        await _index.SyncAsync(_folder.Path, embedder);
        await AssertMatchesCleanIndexAsync(embedder);
    }

    [Fact]
    public async Task SyncAsync_StatusIsIndexingWithProgressThenIdleWithLastRun()
    {
        var seen = new List<IndexingStatus>();
        _index.Store.Changed += (_, e) =>
        {
            if (e.Kind == StoreChangeKind.DocumentWritten)
            {
                seen.Add(_index.Status.Current);
            }
        };
        var progress = new List<IndexingProgress>();

        using (var sync = _index.CreateSync())
        {
            await sync.SyncAsync(_folder.Path, progress: new SynchronousProgress<IndexingProgress>(progress.Add));
        }

        Assert.Equal(4, seen.Count);
        Assert.All(seen, s => Assert.Equal(IndexingStatus.Indexing, s.State));
        Assert.All(seen, s => Assert.Equal(4, s.Progress!.FilesTotal));
        var idle = _index.Status.Current;
        Assert.Equal((IndexingStatus.Idle, 4), (idle.State, idle.LastRun!.Added));
        Assert.Null(idle.Progress);
        Assert.Equal(("done", 4, 4), (progress[^1].Phase, progress[^1].FilesDone, progress[^1].FilesTotal));
    }

    public void Dispose()
    {
        _index.Dispose();
        _folder.Dispose();
    }

    private async Task AssertMatchesCleanIndexAsync(HashingTestEmbedder embedder)
    {
        using var clean = new SyncHarness(_index.Options, "clean");
        await clean.SyncAsync(_folder.Path, embedder is null ? null : new HashingTestEmbedder(ModelOf(embedder), DimensionOf(embedder)));
        Assert.Equal(await IndexSnapshot.CaptureAsync(clean.Store), await IndexSnapshot.CaptureAsync(_index.Store));
    }

    private static string ModelOf(IEmbeddingGenerator embedder) => embedder.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelId!;

    private static int DimensionOf(IEmbeddingGenerator embedder) => embedder.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelDimensions!.Value;

    // The index stores analysed terms (stems), so tests query through the same analysis as retrieval.
    private static string Analysed(string words) => SearchText.ForQuery(words)!.MatchAny;
}
