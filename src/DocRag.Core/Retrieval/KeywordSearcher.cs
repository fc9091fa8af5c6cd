using System.Text;
using System.Text.Json;
using DocRag.Core.Storage;
using DocRag.Core.Text;

namespace DocRag.Core.Retrieval;

/// <summary>
/// FTS5 bm25 over <c>chunks_fts</c> with per-column weights. Its own SQL rather than <see cref="IndexStore.FullTextSearchAsync"/>
/// for two reasons: without filters it skips the joins (every matching row would otherwise be joined before the sort),
/// and a key's scope is a set of collections, one query instead of one per collection.
/// </summary>
internal static class KeywordSearcher
{
    public static async Task<IReadOnlyList<RankedChunk>> SearchAsync(
        IndexStore store, FtsQuery query, SearchFilter filter, int limit, RetrievalOptions options, CancellationToken cancellationToken = default)
    {
        using var connection = await store.OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = BuildSql(filter);
        command.Parameters.AddWithValue("$match", query.MatchAny);
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
