using DocRag.Core.Storage;

namespace DocRag.Core.Retrieval;

/// <summary>
/// Takes fused candidates best first and keeps up to top-k of them: a candidate outside the filter (a document that
/// moved since it was ranked), a document's chunk beyond the crowding limit, or a near duplicate of a kept hit is passed over.
/// </summary>
internal sealed class HitSelector(int topK, int maxChunksPerDocument, double nearDuplicateThreshold, SearchFilter filter)
{
    private readonly List<SearchHit> _hits = [];
    private readonly List<TextShingles> _shingles = [];
    private readonly Dictionary<DocumentId, int> _perDocument = [];

    public bool IsFull => _hits.Count >= topK;

    public IReadOnlyList<SearchHit> Hits => _hits;

    /// <returns>True when the candidate was kept.</returns>
    public bool Offer(FusedCandidate candidate, ChunkRecord chunk)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(chunk);
        if (IsFull || !filter.Matches(chunk.Collection, chunk.Path, chunk.Type))
        {
            return false;
        }

        var count = _perDocument.GetValueOrDefault(chunk.DocumentId);
        if (maxChunksPerDocument > 0 && count >= maxChunksPerDocument)
        {
            return false;
        }

        TextShingles? shingles = null;
        if (nearDuplicateThreshold > 0)
        {
            shingles = new TextShingles(chunk.Text);
            foreach (var kept in _shingles)
            {
                if (kept.Jaccard(shingles) >= nearDuplicateThreshold)
                {
                    return false;
                }
            }

            _shingles.Add(shingles);
        }

        _perDocument[chunk.DocumentId] = count + 1;
        _hits.Add(ToHit(candidate, chunk));
        return true;
    }

    private static SearchHit ToHit(FusedCandidate c, ChunkRecord chunk) => new(
        chunk.Id,
        chunk.DocumentId,
        chunk.Path,
        chunk.Collection,
        string.IsNullOrWhiteSpace(chunk.Title) ? Path.GetFileNameWithoutExtension(chunk.Path) : chunk.Title,
        chunk.Type,
        chunk.PageStart,
        chunk.PageEnd,
        chunk.HeadingPath,
        chunk.Text,
        chunk.Ordinal,
        chunk.Language,
        c.Score,
        c.KeywordRank,
        c.VectorRank,
        c.KeywordScore,
        c.VectorSimilarity);
}
