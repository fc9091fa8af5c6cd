using DocRag.Core.Storage;
using DocRag.Core.Text;
using Microsoft.Extensions.AI;

namespace DocRag.Core.Retrieval;

public sealed partial class SearchService
{
    /// <summary>
    /// Hybrid: reads every candidate's chunk once (its document and language count in the fusion), leaves out vector
    /// hits in languages the model was not trained for (and the whole vector side for such a query), fuses, and keeps
    /// top-k through crowding and near-duplicate control.
    /// </summary>
    private async Task<(IReadOnlyList<SearchHit> Hits, SearchFusion Fusion)> FuseHybridAsync(
        IReadOnlyList<RankedChunk> keyword, IReadOnlyList<RankedChunk> vector, IEmbeddingGenerator<string, Embedding<float>> embedder,
        FtsQuery query, SearchFilter filter, int topK, CancellationToken cancellationToken)
    {
        var ids = keyword.Select(h => h.ChunkId).Concat(vector.Select(h => h.ChunkId)).Distinct().ToArray();
        var chunks = (await _store.GetChunksAsync(ids, cancellationToken).ConfigureAwait(false)).ToDictionary(c => c.Id);
        var languages = _options.MatchModelLanguages ? EmbeddingLanguages.Of(embedder) : null;
        var queryLanguage = EmbeddingLanguages.Code(query.Language);
        string? note = null;
        var leftOut = 0;
        if (languages is not null && !languages.Covers(query.Language))
        {
            leftOut = vector.Count;
            vector = [];
            note = $"vector side left out: the query reads as {queryLanguage} and the embedding model is for {languages.Display}";
        }
        else if (languages is not null)
        {
            var kept = vector.Where(h => !chunks.TryGetValue(h.ChunkId, out var c) || languages.Covers(c.Language)).ToArray();
            leftOut = vector.Count - kept.Length;
            vector = kept;
            if (leftOut > 0)
            {
                note = $"{leftOut} vector hits left out: their passages are not in {languages.Display}, the embedding model's languages";
            }
        }

        var keywordShare = _options.KeywordWeight / (_options.KeywordWeight + _options.VectorWeight);
        var vectorShare = vector.Count == 0 ? 0 : 1 - keywordShare;
        var method = _options.Fusion == FusionMethod.Rrf ? "rrf" : "score";
        IReadOnlyList<FusedCandidate> fused;
        if (vector.Count == 0)
        {
            (method, keywordShare) = ("keyword", 1);
            fused = ReciprocalRankFusion.Fuse(keyword, [], 1, 0, _options.RrfK); // the keyword list's own order
        }
        else if (_options.Fusion == FusionMethod.Rrf)
        {
            fused = ReciprocalRankFusion.Fuse(keyword, vector, keywordShare, vectorShare, _options.RrfK);
        }
        else
        {
            fused = ScoreFusion.Fuse(keyword, vector, keywordShare, vectorShare, chunks.ToDictionary(p => p.Key, p => p.Value.DocumentId), _options.FuseDocuments);
        }

        var selector = new HitSelector(topK, _options.MaxChunksPerDocument, _options.NearDuplicateThreshold, filter);
        foreach (var candidate in fused)
        {
            if (selector.IsFull)
            {
                break;
            }

            if (chunks.TryGetValue(candidate.ChunkId, out var chunk))
            {
                selector.Offer(candidate, chunk);
            }
        }

        return (selector.Hits, new SearchFusion(method, keywordShare, vectorShare, languages?.Codes, queryLanguage, leftOut, note));
    }

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
