using DocRag.Core.Storage;
using DocRag.Core.Text;

namespace DocRag.Core.Retrieval;

/// <summary>
/// The keyword list: FTS5 bm25 over the query's terms (title, heading and text weighted), plus the query's adjacent word
/// pairs as phrases (<see cref="ProximityQuery"/>, weight <see cref="RetrievalOptions.ProximityWeight"/>), then the
/// document length prior (<see cref="ChunkCountPrior"/>). Scores stay bm25-like: higher is better. The weights were
/// tuned on half the SciFact and XQuAD-es queries and checked on the other half (docs/EVALUATION.md).
/// </summary>
internal static class KeywordRanking
{
    public static async Task<IReadOnlyList<RankedChunk>> SearchAsync(
        KeywordSearcher keyword, IndexStore store, FtsQuery query, SearchFilter filter, int limit, RetrievalOptions options, CancellationToken cancellationToken = default)
    {
        var hits = await keyword.SearchAsync(query, filter, limit, options, cancellationToken).ConfigureAwait(false);
        if (hits.Count == 0)
        {
            return hits;
        }

        if (options.ProximityWeight > 0 && ProximityQuery.Build(query) is { } pairs)
        {
            var near = await keyword.SearchMatchAsync(pairs, filter, limit, options, cancellationToken).ConfigureAwait(false);
            hits = AddScores(hits, near, options.ProximityWeight);
        }

        return await ChunkCountPrior.ApplyAsync(store, hits, options.ChunkCountPenalty, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <paramref name="hits"/> with <paramref name="weight"/> times each one's score in <paramref name="extra"/> added,
    /// best first (ties keep their order). Chunks only in <paramref name="extra"/> are not added: they hold every word of
    /// a pair, so they are among the hits unless the hits were cut short.
    /// </summary>
    internal static IReadOnlyList<RankedChunk> AddScores(IReadOnlyList<RankedChunk> hits, IReadOnlyList<RankedChunk> extra, double weight)
    {
        var added = new Dictionary<ChunkId, double>(extra.Count);
        foreach (var hit in extra)
        {
            added[hit.ChunkId] = weight * hit.Score;
        }

        return hits
            .Select((hit, rank) => (Hit: hit with { Score = hit.Score + added.GetValueOrDefault(hit.ChunkId) }, Rank: rank))
            .OrderByDescending(x => x.Hit.Score)
            .ThenBy(x => x.Rank)
            .Select(x => x.Hit)
            .ToArray();
    }
}
