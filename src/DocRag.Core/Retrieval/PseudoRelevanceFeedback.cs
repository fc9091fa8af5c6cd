using DocRag.Core.Storage;
using DocRag.Core.Text;

namespace DocRag.Core.Retrieval;

/// <summary>
/// Pseudo-relevance feedback in the manner of RM3: the best few passages of the first ranking are taken as relevant,
/// their terms weighted by how much of each passage they make up and by the passage's share of the score (relevance
/// model 1), and the strongest terms the query lacks become a second query whose bm25 is added with a small weight.
/// A term must occur in at least two feedback passages, so one passage's topic cannot pull the ranking away.
/// </summary>
internal static class PseudoRelevanceFeedback
{
    /// <summary>The MATCH expression of the expansion terms; null when the feedback passages agree on none.</summary>
    public static async Task<string?> ExpansionAsync(
        IndexStore store, FtsQuery query, IReadOnlyList<RankedChunk> hits, RetrievalOptions options, CancellationToken cancellationToken = default)
    {
        var top = hits.Take(options.FeedbackPassages).ToArray();
        if (top.Length < 2)
        {
            return null;
        }

        var chunks = (await store.GetChunksAsync(top.Select(h => h.ChunkId).ToArray(), cancellationToken).ConfigureAwait(false)).ToDictionary(c => c.Id);
        var total = top.Sum(h => Math.Max(h.Score, 0));
        var queryTerms = new HashSet<string>(query.Terms.SelectMany(t => t.Split(' ')), StringComparer.Ordinal);
        var weights = new Dictionary<string, (double Weight, int Passages)>(StringComparer.Ordinal);
        foreach (var hit in top)
        {
            if (total <= 0 || !chunks.TryGetValue(hit.ChunkId, out var chunk))
            {
                continue;
            }

            var terms = SearchText.Terms(string.Join('\n', [chunk.Title ?? "", .. chunk.HeadingPath, chunk.Text]), chunk.Language);
            var share = Math.Max(hit.Score, 0) / total;
            foreach (var group in terms.GroupBy(t => t, StringComparer.Ordinal))
            {
                if (queryTerms.Contains(group.Key) || !IsWord(group.Key))
                {
                    continue;
                }

                var seen = weights.GetValueOrDefault(group.Key);
                weights[group.Key] = (seen.Weight + (share * group.Count() / terms.Count), seen.Passages + 1);
            }
        }

        var expansion = weights
            .Where(w => w.Value.Passages >= 2)
            .OrderByDescending(w => w.Value.Weight)
            .ThenBy(w => w.Key, StringComparer.Ordinal)
            .Take(options.FeedbackTerms)
            .Select(w => FtsQuery.Quote(w.Key))
            .ToArray();
        return expansion.Length == 0 ? null : string.Join(" OR ", expansion);
    }

    /// <summary>Letters only and longer than two: numbers and codes name one passage's facts, not the topic.</summary>
    private static bool IsWord(string term) => term.Length > 2 && term.All(char.IsLetter);
}
