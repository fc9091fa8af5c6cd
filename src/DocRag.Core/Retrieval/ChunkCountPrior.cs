using System.Globalization;
using DocRag.Core.Storage;

namespace DocRag.Core.Retrieval;

/// <summary>
/// A length prior for the keyword list: a chunk's bm25 is divided by <c>1 + penalty × ln(chunks of its document)</c>.
/// Ranking chunks and keeping each document's best (max-passage) favours long documents: the more chunks a document
/// has, the likelier one of them matches the query's words by chance, and a short chunk's length normalisation no
/// longer penalises the long document it came from. The logarithm keeps the correction mild: 2 chunks × 1.10, 10 chunks
/// × 1.35, 1,000 chunks × 2.04 with penalty 0.15.
/// </summary>
internal static class ChunkCountPrior
{
    public static async Task<IReadOnlyList<RankedChunk>> ApplyAsync(IndexStore store, IReadOnlyList<RankedChunk> hits, double penalty, CancellationToken cancellationToken = default)
    {
        // A single hit is scaled too: its order cannot change, but its keyword score must be the same as in a longer list.
        if (penalty <= 0 || hits.Count == 0)
        {
            return hits;
        }

        var counts = await ChunkCountsAsync(store, hits, cancellationToken).ConfigureAwait(false);
        return hits
            .Select((hit, rank) => (Hit: counts.TryGetValue(hit.ChunkId.Value, out var n) && n > 1 ? hit with { Score = hit.Score / (1 + (penalty * Math.Log(n))) } : hit, Rank: rank))
            .OrderByDescending(x => x.Hit.Score)
            .ThenBy(x => x.Rank)
            .Select(x => x.Hit)
            .ToArray();
    }

    /// <summary>How many chunks the document of each hit has.</summary>
    private static async Task<Dictionary<long, int>> ChunkCountsAsync(IndexStore store, IReadOnlyList<RankedChunk> hits, CancellationToken cancellationToken)
    {
        using var connection = await store.OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT c.id, d.chunk_count FROM chunks c JOIN documents d ON d.id = c.document_id WHERE c.id IN (SELECT value FROM json_each($ids))";
        command.Parameters.AddWithValue("$ids", "[" + string.Join(',', hits.Select(h => h.ChunkId.Value.ToString(CultureInfo.InvariantCulture))) + "]");
        var counts = new Dictionary<long, int>(hits.Count);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[reader.GetInt64(0)] = reader.GetInt32(1);
        }

        return counts;
    }
}
