using DocRag.Core.Retrieval;
using DocRag.TestSupport;

namespace DocRag.Core.Tests.Retrieval;

/// <summary>Crowding and near-duplicate control over a real index.</summary>
public sealed class SearchServiceTrimmingTests : IDisposable
{
    private readonly SearchHarness _harness = new();

    [Fact]
    public async Task Search_ManyMatchingChunksOfOneDocument_AtMostTheLimit()
    {
        SearchCorpus.WriteLongManual(_harness.Engineering);
        await _harness.SyncAsync();
        var chunks = (await _harness.Store.GetDocumentChunksAsync((await _harness.Store.GetDocumentByPathAsync(_harness.Engineering.Combine("manual.txt")))!.Id)).Count;
        Assert.True(chunks > 3, $"the manual should have several chunks, has {chunks}");

        var limited = await _harness.CreateService(options: new RetrievalOptions { MaxChunksPerDocument = 2 }).SearchAsync(new SearchRequest("turbine blades"));
        var unlimited = await _harness.CreateService(options: new RetrievalOptions { MaxChunksPerDocument = 0 }).SearchAsync(new SearchRequest("turbine blades"));

        Assert.Equal(2, limited.Hits.Count(h => h.Path.EndsWith("manual.txt", StringComparison.Ordinal)));
        Assert.Equal(chunks, unlimited.Hits.Count(h => h.Path.EndsWith("manual.txt", StringComparison.Ordinal)));
        Assert.Equal(unlimited.Hits.Take(2).Select(h => h.ChunkId), limited.Hits.Take(2).Select(h => h.ChunkId));
    }

    [Fact]
    public async Task Search_SameFileInTwoCollections_ReturnsOneCopy()
    {
        using var copy = new TempDirectory("docrag-copy");
        File.Copy(_harness.Engineering.Combine("notes", "penguins.txt"), copy.Combine("penguins-copy.txt"));
        await _harness.SyncAsync();
        await _harness.SyncFolderAsync(copy, "archive");

        var deduplicated = await _harness.CreateService().SearchAsync(new SearchRequest("emperor penguins"));
        var everything = await _harness.CreateService(options: new RetrievalOptions { NearDuplicateThreshold = 0 }).SearchAsync(new SearchRequest("emperor penguins"));

        Assert.Single(deduplicated.Hits);
        Assert.Equal(2, everything.Hits.Count);
        Assert.Equal(everything.Hits[0].ChunkId, deduplicated.Hits[0].ChunkId);
    }

    [Fact]
    public async Task Search_TopK_LimitsTheHits()
    {
        SearchCorpus.WriteLongManual(_harness.Engineering, "manual-a.txt");
        SearchCorpus.WriteLongManual(_harness.Policies, "manual-b.txt");
        await _harness.SyncAsync();

        var result = await _harness.CreateService(options: new RetrievalOptions { MaxChunksPerDocument = 0, NearDuplicateThreshold = 0 })
            .SearchAsync(new SearchRequest("turbine", TopK: 3));

        Assert.Equal(3, result.Hits.Count);
        Assert.True(result.Hits.Zip(result.Hits.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    public void Dispose() => _harness.Dispose();
}
