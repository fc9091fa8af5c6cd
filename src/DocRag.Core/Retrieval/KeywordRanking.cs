using DocRag.Core.Storage;
using DocRag.Core.Text;

namespace DocRag.Core.Retrieval;

/// <summary>
/// The keyword list: FTS5 bm25 over the query's terms, then the refinements <see cref="RetrievalOptions"/> turns on:
/// word-pair proximity (<see cref="ProximityQuery"/>), pseudo-relevance feedback (<see cref="PseudoRelevanceFeedback"/>)
/// and chunk-to-document fusion (<see cref="DocumentFusion"/>). Scores stay bm25-like (higher is better).
/// </summary>
internal static class KeywordRanking
{
    public static async Task<IReadOnlyList<RankedChunk>> SearchAsync(
        IndexStore store, FtsQuery query, SearchFilter filter, int limit, RetrievalOptions options, CancellationToken cancellationToken = default)
    {
        var hits = await KeywordSearcher.SearchAsync(store, query, filter, limit, options, cancellationToken).ConfigureAwait(false);
        if (hits.Count == 0)
        {
            return hits;
        }

        if (options.ProximityWeight > 0 && ProximityQuery.Build(query) is { } pairs)
        {
            var near = await KeywordSearcher.SearchAsync(store, pairs, filter, limit, options, cancellationToken).ConfigureAwait(false);
            hits = Combine(hits, near, options.ProximityWeight, addNew: false);
        }

        if (options.FeedbackWeight > 0)
        {
            var expansion = await PseudoRelevanceFeedback.ExpansionAsync(store, query, hits, options, cancellationToken).ConfigureAwait(false);
            if (expansion is not null)
            {
                var more = await KeywordSearcher.SearchAsync(store, expansion, filter, limit, options, cancellationToken).ConfigureAwait(false);
                hits = Combine(hits, more, options.FeedbackWeight, addNew: true);
            }
        }

        hits = await DocumentFusion.ApplyAsync(store, query, hits, options.DocumentFusionWeight, options.ChunkCountPenalty, cancellationToken).ConfigureAwait(false);
        return hits.Count > limit ? hits.Take(limit).ToArray() : hits;
    }

    /// <summary>
    /// <paramref name="hits"/> with <paramref name="weight"/> times each chunk's score in <paramref name="extra"/> added,
    /// re-sorted; chunks only in <paramref name="extra"/> join the list when <paramref name="addNew"/>.
    /// </summary>
    internal static IReadOnlyList<RankedChunk> Combine(IReadOnlyList<RankedChunk> hits, IReadOnlyList<RankedChunk> extra, double weight, bool addNew)
    {
        var scores = new Dictionary<ChunkId, (double Score, int Rank)>(hits.Count + extra.Count);
        for (var i = 0; i < hits.Count; i++)
        {
            scores[hits[i].ChunkId] = (hits[i].Score, i);
        }

        foreach (var hit in extra)
        {
            if (scores.TryGetValue(hit.ChunkId, out var seen))
            {
                scores[hit.ChunkId] = (seen.Score + (weight * hit.Score), seen.Rank);
            }
            else if (addNew)
            {
                scores[hit.ChunkId] = (weight * hit.Score, int.MaxValue);
            }
        }

        return scores
            .OrderByDescending(s => s.Value.Score)
            .ThenBy(s => s.Value.Rank)
            .ThenBy(s => s.Key.Value)
            .Select(s => new RankedChunk(s.Key, s.Value.Score))
            .ToArray();
    }
}
