using DocRag.Core.Retrieval;
using DocRag.Core.Storage;

namespace DocRag.Core.Tests.Retrieval;

public sealed class ScoreFusionTests
{
    private static readonly Dictionary<ChunkId, DocumentId> Documents = new()
    {
        [new ChunkId(1)] = new DocumentId(10),
        [new ChunkId(2)] = new DocumentId(10),
        [new ChunkId(3)] = new DocumentId(30),
        [new ChunkId(4)] = new DocumentId(40),
    };

    [Fact]
    public void Fuse_ScalesEachListToItsOwnRangeAndWeighsThem()
    {
        RankedChunk[] keyword = [new(new ChunkId(3), 12.0), new(new ChunkId(4), 7.0), new(new ChunkId(1), 2.0)];
        RankedChunk[] vector = [new(new ChunkId(4), 0.80), new(new ChunkId(1), 0.60), new(new ChunkId(3), 0.40)];

        var fused = ScoreFusion.Fuse(keyword, vector, 0.5, 0.5, Documents, byDocument: false);

        // chunk 3: 0.5*1 + 0.5*0 = 0.5; chunk 4: 0.5*0.5 + 0.5*1 = 0.75; chunk 1: 0.5*0 + 0.5*0.5 = 0.25
        Assert.Equal([4L, 3L, 1L], fused.Select(c => c.ChunkId.Value));
        Assert.Equal([0.75, 0.5, 0.25], fused.Select(c => Math.Round(c.Score, 12)));
        Assert.Equal((2, 1), (fused[0].KeywordRank!.Value, fused[0].VectorRank!.Value));
        Assert.Equal(0.80, fused[0].VectorSimilarity);
    }

    [Fact]
    public void Fuse_ByDocument_GivesAChunkItsDocumentsBestOfEachSide()
    {
        // Document 10: its chunk 1 matches the words, its chunk 2 the meaning; document 30 is second on both.
        RankedChunk[] keyword = [new(new ChunkId(1), 10.0), new(new ChunkId(3), 8.0), new(new ChunkId(4), 0.0)];
        RankedChunk[] vector = [new(new ChunkId(2), 0.9), new(new ChunkId(3), 0.8), new(new ChunkId(4), 0.1)];

        var split = ScoreFusion.Fuse(keyword, vector, 0.5, 0.5, Documents, byDocument: false);
        var joined = ScoreFusion.Fuse(keyword, vector, 0.5, 0.5, Documents, byDocument: true);

        Assert.Equal(3L, split[0].ChunkId.Value);
        Assert.Equal([1L, 2L], joined.Take(2).Select(c => c.ChunkId.Value).Order());
        Assert.Equal(3L, joined[2].ChunkId.Value);
    }

    [Fact]
    public void Fuse_EqualScores_CountAsTheTop()
    {
        RankedChunk[] keyword = [new(new ChunkId(1), 3.0), new(new ChunkId(3), 3.0)];

        var fused = ScoreFusion.Fuse(keyword, [], 1, 0, Documents, byDocument: false);

        Assert.All(fused, c => Assert.Equal(1.0, c.Score));
        Assert.Equal([1L, 3L], fused.Select(c => c.ChunkId.Value));
    }
}
