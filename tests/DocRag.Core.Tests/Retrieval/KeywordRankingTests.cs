using DocRag.Core.Retrieval;
using DocRag.Core.Storage;
using DocRag.TestSupport;

namespace DocRag.Core.Tests.Retrieval;

public sealed class KeywordRankingTests : IDisposable
{
    private readonly SearchHarness _harness = new();

    [Fact]
    public void AddScores_AddsWeightedScoresAndReorders()
    {
        RankedChunk[] hits = [new(new ChunkId(1), 5), new(new ChunkId(2), 4), new(new ChunkId(3), 4)];
        RankedChunk[] pairs = [new(new ChunkId(3), 8), new(new ChunkId(9), 20)];

        var combined = KeywordRanking.AddScores(hits, pairs, 0.25);

        Assert.Equal([new(new ChunkId(3), 6), new(new ChunkId(1), 5), new(new ChunkId(2), 4)], combined);
    }

    [Fact]
    public async Task Search_WordsWrittenTogether_OutrankTheSameWordsApart()
    {
        using var folder = new TempDirectory("docrag-proximity");
        folder.WriteText("apart.txt", "Panel discussions covered many topics, and one speaker mentioned solar energy.");
        folder.WriteText("together.txt", "Discussions covered many topics, and one speaker mentioned solar panel energy.");
        await _harness.SyncFolderAsync(folder, "prox");

        var plain = await _harness.CreateService(options: new RetrievalOptions { ProximityWeight = 0, ChunkCountPenalty = 0 }).SearchAsync(new SearchRequest("solar panel"));
        var near = await _harness.CreateService(options: new RetrievalOptions { ChunkCountPenalty = 0 }).SearchAsync(new SearchRequest("solar panel"));

        Assert.Equal(plain.Hits[0].KeywordScore!.Value, plain.Hits[1].KeywordScore!.Value, 9);
        Assert.EndsWith("together.txt", near.Hits[0].Path, StringComparison.Ordinal);
        Assert.True(near.Hits[0].KeywordScore > near.Hits[1].KeywordScore);
    }

    public void Dispose() => _harness.Dispose();
}
