using DocRag.Core.Retrieval;
using DocRag.Core.Storage;

namespace DocRag.Core.Tests.Retrieval;

/// <summary>
/// The vector index stays equal to the store through writes, deletes, moves, batch vector writes, model changes and
/// writes by another store instance (another process): after each, its answers equal brute force over the file.
/// </summary>
public sealed class VectorIndexSyncTests : IDisposable
{
    private readonly VectorStoreFixture _fixture = new();

    [Fact]
    public async Task EnsureCurrent_AfterWritesReplacesAndDeletes_MatchesTheStore()
    {
        var a = await _fixture.WriteAsync("/docs/a.txt", 10);
        var b = await _fixture.WriteAsync("/docs/b.txt", 10);
        using var index = new VectorIndex(_fixture.Store);
        await index.EnsureCurrentAsync();

        await _fixture.WriteAsync("/docs/c.txt", 7);
        await _fixture.WriteAsync("/docs/a.txt", 4);
        await _fixture.Store.DeleteDocumentAsync(b);
        await index.EnsureCurrentAsync();

        Assert.Equal(11, index.Count);
        Assert.Equal(await _fixture.Store.GetVersionAsync(), index.Version);
        Assert.Equal(1, index.FullLoads);
        await AssertMatchesStoreAsync(index);
        Assert.DoesNotContain(index.Search(_fixture.RandomVector(), 50), m => m.DocumentId == b);
        Assert.Equal(4, index.Search(_fixture.RandomVector(), 50).Count(m => m.DocumentId == a));
    }

    [Fact]
    public async Task EnsureCurrent_MovedDocument_IsFilteredByItsNewPlace()
    {
        var a = await _fixture.WriteAsync("/docs/a.txt", 5, collection: "one");
        using var index = new VectorIndex(_fixture.Store);
        await index.EnsureCurrentAsync();

        await _fixture.Store.MoveDocumentAsync(a, "/other/a.txt", "two", new FileFingerprint("x", 1, 1));
        await index.EnsureCurrentAsync();

        Assert.Equal(1, index.FullLoads);
        var query = _fixture.RandomVector();
        Assert.Empty(index.Search(query, 10, new SearchFilter(new HashSet<string> { "one" }, null, null)));
        Assert.Equal(5, index.Search(query, 10, new SearchFilter(new HashSet<string> { "two" }, "/other/", null)).Count);
    }

    [Fact]
    public async Task EnsureCurrent_MoveOntoAnotherFilesPath_DropsTheReplacedDocument()
    {
        var a = await _fixture.WriteAsync("/docs/a.txt", 5);
        var b = await _fixture.WriteAsync("/docs/b.txt", 6);
        using var index = new VectorIndex(_fixture.Store);
        await index.EnsureCurrentAsync();

        // The store deletes b's row inside the move and announces only the move.
        await _fixture.Store.MoveDocumentAsync(a, "/docs/b.txt", "main", new FileFingerprint("x", 1, 1));
        await index.EnsureCurrentAsync();

        Assert.Equal(5, index.Count);
        Assert.Equal(1, index.FullLoads);
        Assert.DoesNotContain(index.Search(_fixture.RandomVector(), 20), m => m.DocumentId == b);
        await AssertMatchesStoreAsync(index);
    }

    [Fact]
    public async Task EnsureCurrent_VectorsSavedInBatches_AreAdded()
    {
        var a = await _fixture.WriteAsync("/docs/a.txt", 6);
        using var index = new VectorIndex(_fixture.Store);
        await index.EnsureCurrentAsync();

        // A new model resets every vector; a re-embed then fills them batch by batch (no document named).
        var next = new EmbeddingModelInfo("hand-made-2", _fixture.Dimension);
        await _fixture.Store.SetEmbeddingModelAsync(next);
        await index.EnsureCurrentAsync();
        Assert.Equal(0, index.Count);
        Assert.Equal(next, index.Model);

        var chunks = await _fixture.Store.GetDocumentChunksAsync(a);
        await _fixture.Store.SaveVectorsAsync(next, chunks.Take(4).Select(c => (c.Id, (ReadOnlyMemory<float>)_fixture.RandomVector())).ToList());
        await index.EnsureCurrentAsync();
        Assert.Equal(4, index.Count);

        await _fixture.Store.SaveVectorsAsync(next, chunks.Skip(4).Select(c => (c.Id, (ReadOnlyMemory<float>)_fixture.RandomVector())).ToList());
        await index.EnsureCurrentAsync();
        Assert.Equal(6, index.Count);
        Assert.Equal(2, index.FullLoads); // the first load and the model reset; the batches were added in place
        await AssertMatchesStoreAsync(index);
    }

    [Fact]
    public async Task EnsureCurrent_ModelWithAnotherDimension_ReloadsWithIt()
    {
        await _fixture.WriteAsync("/docs/a.txt", 5);
        using var index = new VectorIndex(_fixture.Store);
        await index.EnsureCurrentAsync();

        var wide = new EmbeddingModelInfo("wide", 24);
        await _fixture.WriteAsync("/docs/b.txt", 3, model: wide);
        await index.EnsureCurrentAsync();

        Assert.Equal(wide, index.Model);
        Assert.Equal(3, index.Count);
        var query = _fixture.RandomVector(24);
        VectorStoreFixture.AssertSame(await _fixture.BruteForceAsync(query, 10), index.Search(query, 10));
    }

    [Fact]
    public async Task EnsureCurrent_WritesByAnotherStoreInstance_AreLoaded()
    {
        await _fixture.WriteAsync("/docs/a.txt", 5);
        using var index = new VectorIndex(_fixture.Store);
        await index.EnsureCurrentAsync();

        // Another IndexStore over the same file raises no events here, as another process would not.
        using (var other = new IndexStore(_fixture.DatabasePath))
        {
            var document = await other.GetDocumentByPathAsync("/docs/a.txt");
            await other.DeleteDocumentAsync(document!.Id);
        }

        await _fixture.WriteAsync("/docs/b.txt", 8);
        await index.EnsureCurrentAsync();

        Assert.Equal(8, index.Count);
        await AssertMatchesStoreAsync(index);
    }

    [Fact]
    public async Task EnsureCurrent_ConcurrentWritesAndSearches_EndInStep()
    {
        await _fixture.WriteAsync("/docs/seed.txt", 5);
        using var index = new VectorIndex(_fixture.Store, threads: 2) { MinRowsPerThread = 8 };
        await index.EnsureCurrentAsync();
        var writers = Task.Run(async () =>
        {
            for (var i = 0; i < 30; i++)
            {
                await _fixture.WriteAsync($"/docs/w{i % 10}.txt", 3 + (i % 4));
            }
        });
        var searches = Task.Run(async () =>
        {
            var query = new float[_fixture.Dimension];
            query[0] = 1;
            while (!writers.IsCompleted)
            {
                await index.EnsureCurrentAsync();
                Assert.NotEmpty(index.Search(query, 5));
            }
        });
        await Task.WhenAll(writers, searches);

        await index.EnsureCurrentAsync();
        await AssertMatchesStoreAsync(index);
    }

    [Fact]
    public async Task EnsureCurrent_DamagedVectorBlob_IsSkippedAndLaterWritesStillApply()
    {
        await _fixture.WriteAsync("/docs/a.txt", 6);
        using (var connection = await _fixture.Store.OpenReadConnectionAsync())
        using (var command = connection.CreateCommand())
        {
            // A read connection can write; the store never would write this, a damaged file might hold it.
            command.CommandText = "UPDATE vectors SET vector = x'0102' WHERE chunk_id = (SELECT min(chunk_id) FROM vectors)";
            command.ExecuteNonQuery();
        }

        using var index = new VectorIndex(_fixture.Store);
        await index.EnsureCurrentAsync();
        Assert.Equal(5, index.Count);

        // One row fits in the room the skipped blob left in the arrays.
        await _fixture.WriteAsync("/docs/b.txt", 1);
        await index.EnsureCurrentAsync();

        Assert.Equal(6, index.Count);
        Assert.Equal(1, index.FullLoads);
    }

    private async Task AssertMatchesStoreAsync(VectorIndex index)
    {
        var stats = await _fixture.Store.GetStatisticsAsync();
        Assert.Equal(stats.Vectors, index.Count);
        for (var q = 0; q < 5; q++)
        {
            var query = _fixture.RandomVector(index.Model!.Dimension);
            VectorStoreFixture.AssertSame(await _fixture.BruteForceAsync(query, 1000), index.Search(query, 1000));
        }
    }

    public void Dispose() => _fixture.Dispose();
}
