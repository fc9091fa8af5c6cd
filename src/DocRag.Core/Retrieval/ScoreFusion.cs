using DocRag.Core.Storage;

namespace DocRag.Core.Retrieval;

/// <summary>
/// Normalised-score fusion: each list's scores are min-max scaled over its own candidates (best 1, last 0; a chunk a list
/// did not return counts 0 there) and summed with the two weights. Unlike RRF it keeps how far ahead a list's top hits
/// are: a clear bm25 winner stays ahead of a near-tie among cosines. With <paramref name="byDocument"/>, a chunk is
/// scored by its document's best normalised score on each side (the keyword match may sit in the title chunk and the
/// semantic match in the abstract), its own scores breaking ties between chunks of one document.
/// </summary>
internal static class ScoreFusion
{
    private const double OwnShare = 0.01;

    public static IReadOnlyList<FusedCandidate> Fuse(
        IReadOnlyList<RankedChunk> keyword, IReadOnlyList<RankedChunk> vector, double keywordWeight, double vectorWeight,
        IReadOnlyDictionary<ChunkId, DocumentId> documents, bool byDocument)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        ArgumentNullException.ThrowIfNull(vector);
        ArgumentNullException.ThrowIfNull(documents);
        var k = Normalise(keyword);
        var v = Normalise(vector);
        var bestK = byDocument ? BestPerDocument(k, documents) : null;
        var bestV = byDocument ? BestPerDocument(v, documents) : null;
        var keywordRank = Ranks(keyword);
        var vectorRank = Ranks(vector);
        var fused = new List<FusedCandidate>(k.Count + v.Count);
        foreach (var id in keyword.Select(h => h.ChunkId).Concat(vector.Select(h => h.ChunkId)).Distinct())
        {
            var own = keywordWeight * k.GetValueOrDefault(id) + vectorWeight * v.GetValueOrDefault(id);
            var score = own;
            if (byDocument && documents.TryGetValue(id, out var document))
            {
                score = keywordWeight * bestK!.GetValueOrDefault(document) + vectorWeight * bestV!.GetValueOrDefault(document) + OwnShare * own;
            }

            fused.Add(new FusedCandidate(
                id,
                score,
                keywordRank.TryGetValue(id, out var kr) ? kr.Rank : null,
                vectorRank.TryGetValue(id, out var vr) ? vr.Rank : null,
                keywordRank.TryGetValue(id, out kr) ? kr.Score : null,
                vectorRank.TryGetValue(id, out vr) ? vr.Score : null));
        }

        return [.. fused.OrderByDescending(c => c.Score).ThenBy(c => c.BestRank).ThenBy(c => c.ChunkId.Value)];
    }

    /// <summary>Min-max scaled scores of one list; all 1 when its scores are equal.</summary>
    internal static Dictionary<ChunkId, double> Normalise(IReadOnlyList<RankedChunk> hits)
    {
        var result = new Dictionary<ChunkId, double>(hits.Count);
        if (hits.Count == 0)
        {
            return result;
        }

        var max = hits.Max(h => h.Score);
        var min = hits.Min(h => h.Score);
        var span = max - min;
        foreach (var hit in hits)
        {
            result.TryAdd(hit.ChunkId, span > 0 ? (hit.Score - min) / span : 1);
        }

        return result;
    }

    private static Dictionary<DocumentId, double> BestPerDocument(Dictionary<ChunkId, double> scores, IReadOnlyDictionary<ChunkId, DocumentId> documents)
    {
        var best = new Dictionary<DocumentId, double>();
        foreach (var (id, score) in scores)
        {
            if (documents.TryGetValue(id, out var document) && (!best.TryGetValue(document, out var seen) || score > seen))
            {
                best[document] = score;
            }
        }

        return best;
    }

    private static Dictionary<ChunkId, (int Rank, double Score)> Ranks(IReadOnlyList<RankedChunk> hits)
    {
        var ranks = new Dictionary<ChunkId, (int, double)>(hits.Count);
        for (var i = 0; i < hits.Count; i++)
        {
            ranks.TryAdd(hits[i].ChunkId, (i + 1, hits[i].Score));
        }

        return ranks;
    }
}
