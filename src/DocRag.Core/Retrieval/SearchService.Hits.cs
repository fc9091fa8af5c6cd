using DocRag.Core.Storage;

namespace DocRag.Core.Retrieval;

public sealed partial class SearchService
{
    /// <summary>
    /// Reads the fused candidates' chunks in growing batches, best first, until top-k survive crowding and
    /// near-duplicate control (or the candidates run out).
    /// </summary>
    private async Task<IReadOnlyList<SearchHit>> SelectHitsAsync(IReadOnlyList<FusedCandidate> fused, SearchFilter filter, int topK, CancellationToken cancellationToken)
    {
        var selector = new HitSelector(topK, _options.MaxChunksPerDocument, _options.NearDuplicateThreshold, filter);
        var offset = 0;
        var batch = Math.Max(2 * topK, 20);
        while (!selector.IsFull && offset < fused.Count)
        {
            var slice = fused.Skip(offset).Take(batch).ToArray();
            var chunks = (await _store.GetChunksAsync(slice.Select(c => c.ChunkId).ToArray(), cancellationToken).ConfigureAwait(false))
                .ToDictionary(c => c.Id);
            foreach (var candidate in slice)
            {
                if (chunks.TryGetValue(candidate.ChunkId, out var chunk))
                {
                    selector.Offer(candidate, chunk);
                }
            }

            offset += slice.Length;
            batch *= 2;
        }

        return selector.Hits;
    }
}
