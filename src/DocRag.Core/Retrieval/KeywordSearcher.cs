using System.Text;
using System.Text.Json;
using DocRag.Core.Storage;
using DocRag.Core.Text;
using Microsoft.Data.Sqlite;

namespace DocRag.Core.Retrieval;

/// <summary>
/// FTS5 bm25 over <c>chunks_fts</c> with per-column weights. FTS5 scores every row that matches, so an OR of common
/// words costs time in proportion to the rows containing any of them (about 100 ms at 100k chunks). When the query's
/// clauses together match more rows than <see cref="RetrievalOptions.KeywordRowBudget"/>, it runs in two parts over the
/// rows holding its rarest clauses: the rare clauses alone, and the rare clauses AND the common ones, whose bm25 counts
/// every clause of the query once. Together they give each such row its exact full-query score; rows holding only common
/// words, whose bm25 is small, are the ones left out.
/// </summary>
/// <remarks>
/// Its own SQL rather than <see cref="IndexStore.FullTextSearchAsync"/>: without filters it skips the joins, and a key's
/// scope is a set of collections, one query instead of one per collection.
/// </remarks>
internal sealed partial class KeywordSearcher(IndexStore store)
{
    public async Task<IReadOnlyList<RankedChunk>> SearchAsync(
        FtsQuery query, SearchFilter filter, int limit, RetrievalOptions options, CancellationToken cancellationToken = default)
    {
        using var connection = await store.OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        var plan = options.KeywordRowBudget > 0
            ? await PlanAsync(connection, query, options.KeywordRowBudget, cancellationToken).ConfigureAwait(false)
            : null;
        if (plan is null)
        {
            return await RunAsync(connection, query.MatchAny, filter, limit, options, cancellationToken).ConfigureAwait(false);
        }

        var rare = await RunAsync(connection, plan.Value.Rare, filter, limit, options, cancellationToken).ConfigureAwait(false);
        if (plan.Value.Common is not { } common)
        {
            return rare;
        }

        // A row with common words too scores higher in the second query (more of the query's terms counted): keep the better.
        var best = rare.ToDictionary(h => h.ChunkId, h => h.Score);
        foreach (var hit in await RunAsync(connection, $"({plan.Value.Rare}) AND ({common})", filter, limit, options, cancellationToken).ConfigureAwait(false))
        {
            best[hit.ChunkId] = Math.Max(best.GetValueOrDefault(hit.ChunkId, double.MinValue), hit.Score);
        }

        return best.OrderByDescending(p => p.Value).ThenBy(p => p.Key.Value).Take(limit).Select(p => new RankedChunk(p.Key, p.Value)).ToArray();
    }

    private static async Task<IReadOnlyList<RankedChunk>> RunAsync(
        SqliteConnection connection, string match, SearchFilter filter, int limit, RetrievalOptions options, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = BuildSql(filter);
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$wt", options.TitleWeight);
        command.Parameters.AddWithValue("$wh", options.HeadingWeight);
        command.Parameters.AddWithValue("$wx", options.TextWeight);
        command.Parameters.AddWithValue("$limit", limit);
        if (filter.Collections is { } collections)
        {
            command.Parameters.AddWithValue("$collections", JsonSerializer.Serialize(collections));
        }

        if (filter.PathPrefix is { } prefix)
        {
            command.Parameters.AddWithValue("$prefix", prefix);
        }

        if (filter.Type is { } type)
        {
            command.Parameters.AddWithValue("$type", type);
        }

        var hits = new List<RankedChunk>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // FTS5's bm25 is negative, more negative is better; hits carry it negated so higher is better everywhere.
            hits.Add(new RankedChunk(new ChunkId(reader.GetInt64(0)), -reader.GetDouble(1)));
        }

        return hits;
    }

    private static string BuildSql(SearchFilter filter)
    {
        var sql = new StringBuilder("SELECT f.rowid, bm25(chunks_fts, $wt, $wh, $wx) AS score FROM chunks_fts f ");
        if (!filter.IsAll)
        {
            sql.Append("JOIN chunks c ON c.id = f.rowid JOIN documents d ON d.id = c.document_id ");
        }

        sql.Append("WHERE chunks_fts MATCH $match ");
        if (filter.Collections is not null)
        {
            sql.Append("AND d.collection IN (SELECT value FROM json_each($collections)) ");
        }

        if (filter.PathPrefix is not null)
        {
            sql.Append("AND substr(d.path, 1, length($prefix)) = $prefix ");
        }

        if (filter.Type is not null)
        {
            sql.Append("AND d.type = $type ");
        }

        return sql.Append("ORDER BY score LIMIT $limit").ToString();
    }
}
