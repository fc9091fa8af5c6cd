using DocRag.Core.Storage;

namespace DocRag.Core.Retrieval;

/// <summary>A chunk after fusion: its fused score and where each list placed it.</summary>
internal sealed record FusedCandidate(ChunkId ChunkId, double Score, int? KeywordRank, int? VectorRank, double? KeywordScore, double? VectorSimilarity)
{
    /// <summary>The better of its two ranks (ties in the fused score go to the candidate one list liked most).</summary>
    public int BestRank => Math.Min(KeywordRank ?? int.MaxValue, VectorRank ?? int.MaxValue);
}
