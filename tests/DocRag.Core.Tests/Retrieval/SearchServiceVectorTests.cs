using DocRag.Core.Embeddings;
using DocRag.Core.Retrieval;
using DocRag.Core.Storage;

namespace DocRag.Core.Tests.Retrieval;

/// <summary>
/// Vector and hybrid search over a real index embedded by a generated ONNX model (random weights): the mechanics, checked
/// against brute force over the stored vectors and against the keyword and vector lists on their own.
/// </summary>
public sealed class SearchServiceVectorTests(SearchModelFixture models) : IClassFixture<SearchModelFixture>, IDisposable
{
    private static readonly RetrievalOptions Untrimmed = new() { MaxChunksPerDocument = 0, NearDuplicateThreshold = 0 };
    private readonly SearchHarness _harness = new();

    [Fact]
    public async Task Search_Vector_IsTheExactNearestChunksOfTheQueryEmbedding()
    {
        await _harness.SyncAsync(models.ModelA);
        var search = _harness.CreateService(models.ModelA, Untrimmed);

        var result = await search.SearchAsync(new SearchRequest("how do I back up the index", TopK: 8, Mode: SearchMode.Vector));

        var expected = await BruteForceAsync(models.ModelA, "how do I back up the index", 8);
        Assert.Equal(SearchMode.Vector, result.Mode);
        Assert.Equal(expected.Select(e => e.Chunk), result.Hits.Select(h => h.ChunkId));
        Assert.Equal(expected.Select(e => e.Similarity), result.Hits.Select(h => h.VectorSimilarity!.Value), new ToleranceComparer(1e-4));
        Assert.Equal(Enumerable.Range(1, 8).Select(i => (int?)i), result.Hits.Select(h => h.VectorRank));
        Assert.All(result.Hits, h => Assert.Null(h.KeywordRank));
    }

    [Fact]
    public async Task Search_Vector_FiltersLikeKeyword()
    {
        await _harness.SyncAsync(models.ModelA);
        var search = _harness.CreateService(models.ModelA, Untrimmed);

        var policies = await search.SearchAsync(new SearchRequest("anything at all", TopK: 50, Mode: SearchMode.Vector, Collection: "policies"));
        var scoped = await search.SearchAsync(new SearchRequest("anything at all", TopK: 50, Mode: SearchMode.Vector, AllowedCollections: new HashSet<string> { "eng" }, FileType: "md"));

        var policyChunks = (await _harness.Store.GetStatisticsAsync()).Chunks;
        Assert.NotEmpty(policies.Hits);
        Assert.All(policies.Hits, h => Assert.Equal("policies", h.Collection));
        Assert.NotEmpty(scoped.Hits);
        Assert.All(scoped.Hits, h => Assert.Equal(("eng", "md"), (h.Collection, h.Type)));
        Assert.True(policies.Hits.Count < policyChunks);
    }

    [Fact]
    public async Task Search_HybridWithRrf_SumsTheReciprocalRanksOfBothLists()
    {
        await _harness.SyncAsync(models.ModelA);
        var search = _harness.CreateService(models.ModelA, new RetrievalOptions { MaxChunksPerDocument = 0, NearDuplicateThreshold = 0, Fusion = FusionMethod.Rrf, KeywordWeight = 1, VectorWeight = 1 });
        const string Query = "server service index stopped";

        var hybrid = await search.SearchAsync(new SearchRequest(Query, TopK: 100));
        var keyword = await search.SearchAsync(new SearchRequest(Query, TopK: 100, Mode: SearchMode.Keyword));
        var vector = await search.SearchAsync(new SearchRequest(Query, TopK: 100, Mode: SearchMode.Vector));

        Assert.Equal(SearchMode.Hybrid, hybrid.Mode);
        Assert.Null(hybrid.ModeReason);
        Assert.Contains(hybrid.Hits, h => h.KeywordRank is not null && h.VectorRank is not null);
        foreach (var hit in hybrid.Hits)
        {
            Assert.Equal(RankOf(keyword, hit.ChunkId), hit.KeywordRank);
            Assert.Equal(RankOf(vector, hit.ChunkId), hit.VectorRank);
            var expected = (hit.KeywordRank is { } k ? 0.5 / (60 + k) : 0) + (hit.VectorRank is { } v ? 0.5 / (60 + v) : 0);
            Assert.Equal(expected, hit.Score, 12);
        }

        Assert.True(hybrid.Hits.Zip(hybrid.Hits.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        Assert.Equal(vector.Hits.Count, hybrid.Hits.Count); // every chunk has a vector, so the vector list already holds them all
    }

    [Fact]
    public async Task Search_DefaultWithModel_IsHybridFusingNormalisedScores()
    {
        await _harness.SyncAsync(models.ModelA);
        var search = _harness.CreateService(models.ModelA, new RetrievalOptions { MaxChunksPerDocument = 0, NearDuplicateThreshold = 0, FuseDocuments = false, KeywordWeight = 3, VectorWeight = 2 });
        const string Query = "server service index stopped";

        // Top 50 asks each side for its 100 candidates: the same lists the single-mode searches return at top 100.
        var hybrid = await search.SearchAsync(new SearchRequest(Query, TopK: 50));
        var keyword = await search.SearchAsync(new SearchRequest(Query, TopK: 100, Mode: SearchMode.Keyword));
        var vector = await search.SearchAsync(new SearchRequest(Query, TopK: 100, Mode: SearchMode.Vector));

        Assert.Equal(SearchMode.Hybrid, hybrid.Mode);
        Assert.Equal(new SearchFusion("score", 0.6, 0.4, null, hybrid.Fusion!.QueryLanguage, 0, null), hybrid.Fusion with { KeywordWeight = Math.Round(hybrid.Fusion.KeywordWeight, 12), VectorWeight = Math.Round(hybrid.Fusion.VectorWeight, 12) });
        var (kMin, kMax) = (keyword.Hits.Min(h => h.KeywordScore!.Value), keyword.Hits.Max(h => h.KeywordScore!.Value));
        var (vMin, vMax) = (vector.Hits.Min(h => h.VectorSimilarity!.Value), vector.Hits.Max(h => h.VectorSimilarity!.Value));
        foreach (var hit in hybrid.Hits)
        {
            var expected = (hit.KeywordScore is { } k ? 0.6 * (k - kMin) / (kMax - kMin) : 0) + (hit.VectorSimilarity is { } v ? 0.4 * (v - vMin) / (vMax - vMin) : 0);
            Assert.Equal(expected, hit.Score, 9);
            Assert.Equal(RankOf(keyword, hit.ChunkId), hit.KeywordRank);
        }

        Assert.True(hybrid.Hits.Zip(hybrid.Hits.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Fact]
    public async Task Search_AfterAddDeleteAndModelChange_StaysInStep()
    {
        await _harness.SyncAsync(models.ModelA);
        var searchA = _harness.CreateService(models.ModelA, Untrimmed);
        await searchA.SearchAsync(new SearchRequest("warm up", Mode: SearchMode.Vector));

        _harness.Policies.WriteText("travel.txt", "Travel policy.\n\nBook trains for trips under four hours.");
        File.Delete(_harness.Policies.Combine("leave.md"));
        await _harness.SyncAsync(models.ModelA);
        var added = await searchA.SearchAsync(new SearchRequest("trains", TopK: 100, Mode: SearchMode.Vector));

        Assert.Contains(added.Hits, h => h.Path.EndsWith("travel.txt", StringComparison.Ordinal));
        Assert.DoesNotContain(added.Hits, h => h.Path.EndsWith("leave.md", StringComparison.Ordinal));
        Assert.Equal((await BruteForceAsync(models.ModelA, "trains", 100)).Select(e => e.Chunk), added.Hits.Select(h => h.ChunkId));

        await _harness.SyncAsync(models.ModelB);
        var searchB = _harness.CreateService(models.ModelB, Untrimmed);
        var afterChange = await searchB.SearchAsync(new SearchRequest("trains", TopK: 100, Mode: SearchMode.Vector));
        var staleA = await searchA.SearchAsync(new SearchRequest("trains", TopK: 5));

        Assert.Equal((await BruteForceAsync(models.ModelB, "trains", 100)).Select(e => e.Chunk), afterChange.Hits.Select(h => h.ChunkId));
        Assert.Equal(SearchMode.Keyword, staleA.Mode);
        Assert.Contains("not by the loaded model", staleA.ModeReason, StringComparison.Ordinal);
        await Assert.ThrowsAsync<SearchModeUnavailableException>(() => searchA.SearchAsync(new SearchRequest("trains", Mode: SearchMode.Vector)));
    }

    [Fact]
    public async Task Search_IndexWithoutVectors_FallsBackToKeywordWithTheReason()
    {
        await _harness.SyncAsync();
        var search = _harness.CreateService(models.ModelA);

        var result = await search.SearchAsync(new SearchRequest("penguins"));

        Assert.Equal(SearchMode.Keyword, result.Mode);
        Assert.Contains("no vectors", result.ModeReason, StringComparison.Ordinal);
        Assert.NotEmpty(result.Hits);
    }

    [Fact]
    public async Task Search_Timings_AccountForTheParts()
    {
        await _harness.SyncAsync(models.ModelA);
        var search = _harness.CreateService(models.ModelA);

        var result = await search.SearchAsync(new SearchRequest("penguins in winter"));

        Assert.True(result.Timings.Embedding > TimeSpan.Zero);
        Assert.True(result.Timings.Vector > TimeSpan.Zero);
        Assert.True(result.Timings.Keyword > TimeSpan.Zero);
        Assert.True(result.Timings.Total >= result.Timings.Embedding);
    }

    private static int? RankOf(SearchResult list, ChunkId id)
    {
        var index = list.Hits.Select(h => h.ChunkId).ToList().IndexOf(id);
        return index < 0 ? null : index + 1;
    }

    private async Task<IReadOnlyList<(ChunkId Chunk, double Similarity)>> BruteForceAsync(OnnxEmbeddingGenerator model, string query, int k)
    {
        var vector = (await model.GenerateAsync([query], EmbeddingPurposeExtensions.ForQuery()))[0].Vector.ToArray();
        var all = new List<(ChunkId, double)>();
        await foreach (var stored in _harness.Store.ReadVectorsAsync())
        {
            all.Add((stored.ChunkId, VectorStoreFixture.Cosine(vector, stored.Vector.Span)));
        }

        return all.OrderByDescending(x => x.Item2).ThenBy(x => x.Item1.Value).Take(k).ToArray();
    }

    public void Dispose() => _harness.Dispose();

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
