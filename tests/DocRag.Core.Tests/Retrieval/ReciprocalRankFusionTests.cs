using DocRag.Core.Retrieval;
using DocRag.Core.Storage;

namespace DocRag.Core.Tests.Retrieval;

public sealed class ReciprocalRankFusionTests
{
    private static RankedChunk C(long id, double score = 0) => new(new ChunkId(id), score);

    [Fact]
    public void Fuse_SumsWeightedReciprocalRanks()
    {
        var fused = ReciprocalRankFusion.Fuse([C(1, 9), C(2, 8), C(3, 7)], [C(3, 0.9), C(4, 0.8)], keywordWeight: 1, vectorWeight: 2, k: 10);

        var three = fused.Single(c => c.ChunkId.Value == 3);
        Assert.Equal((1.0 / 13) + (2.0 / 11), three.Score, 12);
        Assert.Equal((3, 1), (three.KeywordRank, three.VectorRank));
        Assert.Equal((7.0, 0.9), (three.KeywordScore, three.VectorSimilarity));
        var four = fused.Single(c => c.ChunkId.Value == 4);
        Assert.Equal(2.0 / 12, four.Score, 12);
        Assert.Null(four.KeywordRank);
        Assert.Equal(new long[] { 3, 4, 1, 2 }, fused.Select(c => c.ChunkId.Value));
    }

    [Fact]
    public void Fuse_OneList_KeepsItsOrder()
    {
        var fused = ReciprocalRankFusion.Fuse([C(5), C(2), C(9)], [], 1, 1, 60);

        Assert.Equal(new long[] { 5, 2, 9 }, fused.Select(c => c.ChunkId.Value));
        Assert.All(fused, c => Assert.Null(c.VectorRank));
        Assert.Equal(new int?[] { 1, 2, 3 }, fused.Select(c => c.KeywordRank));
    }

    [Fact]
    public void Fuse_EqualScores_GoToTheBetterSingleRankThenTheLowerId()
    {
        // 7 is first in keyword and absent from vector; 8 is first in vector: equal weights, equal scores.
        var fused = ReciprocalRankFusion.Fuse([C(8), C(7)], [C(7), C(8)], 1, 1, 60);

        Assert.Equal(fused[0].Score, fused[1].Score, 12);
        Assert.Equal(new long[] { 7, 8 }, fused.Select(c => c.ChunkId.Value));
    }

    [Fact]
    public void Fuse_ZeroWeightList_OnlyBreaksNoTies()
    {
        var fused = ReciprocalRankFusion.Fuse([C(1), C(2)], [C(2), C(1)], keywordWeight: 1, vectorWeight: 0, k: 60);

        Assert.Equal(new long[] { 1, 2 }, fused.Select(c => c.ChunkId.Value));
        Assert.Equal(2, fused[0].VectorRank);
    }
}
