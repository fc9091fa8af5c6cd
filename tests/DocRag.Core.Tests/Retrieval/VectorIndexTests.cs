using DocRag.Core.Retrieval;
using DocRag.Core.Storage;

namespace DocRag.Core.Tests.Retrieval;

/// <summary>The in-memory vector index over a real index file with hand-made vectors, checked against brute force.</summary>
public sealed class VectorIndexTests : IDisposable
{
    private readonly VectorStoreFixture _fixture = new();

    [Fact]
    public async Task Search_ReturnsTheExactNearestNeighboursOfBruteForce()
    {
        for (var d = 0; d < 40; d++)
        {
            await _fixture.WriteAsync($"/docs/file{d}.txt", chunks: 25);
        }

        using var index = new VectorIndex(_fixture.Store, threads: 3) { MinRowsPerThread = 64 };
        await index.EnsureCurrentAsync();

        Assert.Equal(1000, index.Count);
        for (var q = 0; q < 20; q++)
        {
            var query = _fixture.RandomVector();
            VectorStoreFixture.AssertSame(await _fixture.BruteForceAsync(query, 10), index.Search(query, 10));
        }
    }

    [Fact]
    public async Task Search_SingleThreadAndParallelScans_Agree()
    {
        for (var d = 0; d < 10; d++)
        {
            await _fixture.WriteAsync($"/docs/file{d}.txt", chunks: 50);
        }

        using var serial = new VectorIndex(_fixture.Store, threads: 1);
        using var parallel = new VectorIndex(_fixture.Store, threads: 4) { MinRowsPerThread = 10 };
        await serial.EnsureCurrentAsync();
        await parallel.EnsureCurrentAsync();

        var query = _fixture.RandomVector();
        VectorStoreFixture.AssertSame(serial.Search(query, 37), parallel.Search(query, 37));
    }

    [Fact]
    public async Task Search_VectorsOfAnyLength_AreComparedByCosine()
    {
        await _fixture.WriteAsync("/docs/a.txt", chunks: 30);
        using var index = new VectorIndex(_fixture.Store);
        await index.EnsureCurrentAsync();
        var query = _fixture.RandomVector().Select(v => v * 250f).ToArray();

        var best = index.Search(query, 1).Single();

        var expected = await _fixture.BruteForceAsync(query, 1);
        Assert.Equal(expected[0].ChunkId, best.ChunkId);
        Assert.InRange(best.Similarity, -1f, 1f);
        Assert.Equal(expected[0].Similarity, best.Similarity, 4);
    }

    [Fact]
    public async Task Search_Filters_KeepOnlyMatchingDocuments()
    {
        await _fixture.WriteAsync("/docs/hr/policy.pdf", chunks: 20, collection: "hr", type: "pdf");
        await _fixture.WriteAsync("/docs/hr/notes.md", chunks: 20, collection: "hr", type: "md");
        await _fixture.WriteAsync("/docs/eng/design.md", chunks: 20, collection: "eng", type: "md");
        await _fixture.WriteAsync("/docs/eng/old/spec.md", chunks: 20, collection: "eng", type: "md");
        using var index = new VectorIndex(_fixture.Store);
        await index.EnsureCurrentAsync();
        var query = _fixture.RandomVector();

        SearchFilter[] filters =
        [
            new(new HashSet<string> { "hr" }, null, null),
            new(null, null, "md"),
            new(null, "/docs/eng/old/", null),
            new(new HashSet<string> { "hr", "eng" }, "/docs/", "md"),
        ];
        foreach (var filter in filters)
        {
            var hits = index.Search(query, 100, filter);
            VectorStoreFixture.AssertSame(await _fixture.BruteForceAsync(query, 100, filter), hits);
            Assert.NotEmpty(hits);
        }

        Assert.Empty(index.Search(query, 10, new SearchFilter(new HashSet<string> { "legal" }, null, null)));
    }

    [Fact]
    public async Task Search_QueryOfAnotherDimension_Throws()
    {
        await _fixture.WriteAsync("/docs/a.txt", chunks: 3);
        using var index = new VectorIndex(_fixture.Store);
        await index.EnsureCurrentAsync();

        Assert.Throws<ArgumentException>(() => index.Search(new float[_fixture.Dimension + 1], 5));
    }

    [Fact]
    public async Task Search_EmptyIndex_FindsNothing()
    {
        using var index = new VectorIndex(_fixture.Store);
        await index.EnsureCurrentAsync();

        Assert.Null(index.Model);
        Assert.Equal(0, index.Count);
        Assert.Empty(index.Search(_fixture.RandomVector(), 5));
    }

    public void Dispose() => _fixture.Dispose();
}
