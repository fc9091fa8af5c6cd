using System.Globalization;
using System.Text.Json;
using DocRag.Core.Storage;
using DocRag.Core.Text;
using Microsoft.Data.Sqlite;

namespace DocRag.Core.Retrieval;

/// <summary>
/// Chunk-to-document fusion for the keyword list. A chunk of a document whose other chunks hold query words this
/// chunk lacks gains <c>weight</c> times those words' idf (FTS5's bm25 idf), which is about what whole-document bm25
/// would add for one more occurrence: an abstract split in two then ranks as one. Words the chunk already has add
/// nothing, so a long document is not favoured for repeating them across chunks (summing chunk scores would bypass
/// bm25's saturation and its length normalisation). Only documents with two or more candidate chunks are looked at,
/// with one FTS5 lookup per query word (rowids only, no ranking).
/// </summary>
internal static class DocumentFusion
{
    public static async Task<IReadOnlyList<RankedChunk>> ApplyAsync(
        IndexStore store, FtsQuery query, IReadOnlyList<RankedChunk> hits, double weight, double penalty, CancellationToken cancellationToken = default)
    {
        if ((weight <= 0 && penalty <= 0) || hits.Count < 2)
        {
            return hits;
        }

        using var connection = await store.OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        var (documents, counts) = await DocumentsOfAsync(connection, hits, cancellationToken).ConfigureAwait(false);
        if (penalty > 0)
        {
            hits = hits.Select(h => counts.TryGetValue(h.ChunkId.Value, out var n) && n > 1 ? h with { Score = h.Score / (1 + (penalty * Math.Log(n))) } : h)
                .Select((h, rank) => (Hit: h, Rank: rank)).OrderByDescending(x => x.Hit.Score).ThenBy(x => x.Rank).Select(x => x.Hit).ToArray();
        }

        if (weight <= 0 || query.Clauses.Count < 2)
        {
            return hits;
        }

        var shared = hits.Where(h => documents.ContainsKey(h.ChunkId.Value))
            .GroupBy(h => documents[h.ChunkId.Value])
            .Where(g => g.Count() > 1)
            .SelectMany(g => g.Select(h => h.ChunkId.Value))
            .ToHashSet();
        if (shared.Count == 0)
        {
            return hits;
        }

        var rows = await CountRowsAsync(connection, cancellationToken).ConfigureAwait(false);
        var bonus = new Dictionary<long, double>();
        foreach (var clause in query.Clauses)
        {
            var (matching, present) = await ClauseAsync(connection, clause, shared, cancellationToken).ConfigureAwait(false);
            var idf = Math.Max(1e-6, Math.Log((rows - matching + 0.5) / (matching + 0.5)));
            var documentsWithClause = present.Select(id => documents[id]).ToHashSet();
            foreach (var id in shared.Where(id => !present.Contains(id) && documentsWithClause.Contains(documents[id])))
            {
                bonus[id] = bonus.GetValueOrDefault(id) + (weight * idf);
            }
        }

        return hits
            .Select((hit, rank) => (Hit: hit with { Score = hit.Score + bonus.GetValueOrDefault(hit.ChunkId.Value) }, Rank: rank))
            .OrderByDescending(x => x.Hit.Score)
            .ThenBy(x => x.Rank)
            .Select(x => x.Hit)
            .ToArray();
    }

    /// <summary>How many rows match the clause (for its idf), and which of <paramref name="ids"/> do.</summary>
    private static async Task<(long Matching, HashSet<long> Present)> ClauseAsync(
        SqliteConnection connection, FtsQueryClause clause, HashSet<long> ids, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT count(*), json_group_array(rowid) FILTER (WHERE rowid IN (SELECT value FROM json_each($ids)))
            FROM chunks_fts WHERE chunks_fts MATCH $match
            """;
        command.Parameters.AddWithValue("$match", string.Join(" OR ", clause.Variants.Select(FtsQuery.Quote)));
        command.Parameters.AddWithValue("$ids", Json(ids));
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var present = reader.IsDBNull(1) ? [] : JsonSerializer.Deserialize<long[]>(reader.GetString(1)) ?? [];
        return (reader.GetInt64(0), present.ToHashSet());
    }

    private static async Task<long> CountRowsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM chunks";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static async Task<(Dictionary<long, long>, Dictionary<long, int>)> DocumentsOfAsync(SqliteConnection connection, IReadOnlyList<RankedChunk> hits, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT c.id, c.document_id, d.chunk_count FROM chunks c JOIN documents d ON d.id = c.document_id WHERE c.id IN (SELECT value FROM json_each($ids))";
        command.Parameters.AddWithValue("$ids", Json(hits.Select(h => h.ChunkId.Value)));
        var documents = new Dictionary<long, long>(hits.Count);
        var counts = new Dictionary<long, int>(hits.Count);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            documents[reader.GetInt64(0)] = reader.GetInt64(1);
            counts[reader.GetInt64(0)] = reader.GetInt32(2);
        }

        return (documents, counts);
    }

    private static string Json(IEnumerable<long> ids) => "[" + string.Join(',', ids.Select(i => i.ToString(CultureInfo.InvariantCulture))) + "]";
}
