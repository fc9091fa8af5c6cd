using DocRag.Core.Storage;

namespace DocRag.Core.Retrieval;

/// <summary>
/// Reciprocal Rank Fusion (Cormack et al., 2009): a chunk at 1-based rank r of a list scores weight / (k + r) from it,
/// summed over the lists. Uses ranks only, so bm25 and cosine never need to share a scale.
/// </summary>
internal static class ReciprocalRankFusion
{
    public static IReadOnlyList<FusedCandidate> Fuse(
        IReadOnlyList<RankedChunk> keyword, IReadOnlyList<RankedChunk> vector, double keywordWeight, double vectorWeight, int k)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        ArgumentNullException.ThrowIfNull(vector);
        var fused = new Dictionary<ChunkId, FusedCandidate>(keyword.Count + vector.Count);
        for (var i = 0; i < keyword.Count; i++)
        {
            var hit = keyword[i];
            fused.TryAdd(hit.ChunkId, new FusedCandidate(hit.ChunkId, keywordWeight / (k + i + 1), i + 1, null, hit.Score, null));
        }

        for (var i = 0; i < vector.Count; i++)
        {
            var hit = vector[i];
            var score = vectorWeight / (k + i + 1);
            fused[hit.ChunkId] = fused.TryGetValue(hit.ChunkId, out var seen)
                ? seen with { Score = seen.Score + score, VectorRank = seen.VectorRank ?? i + 1, VectorSimilarity = seen.VectorSimilarity ?? hit.Score }
                : new FusedCandidate(hit.ChunkId, score, null, i + 1, null, hit.Score);
        }

        return fused.Values
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.BestRank)
            .ThenBy(c => c.ChunkId.Value)
            .ToArray();
    }
}
