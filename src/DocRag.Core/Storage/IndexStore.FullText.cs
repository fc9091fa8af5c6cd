using Microsoft.Data.Sqlite;

namespace DocRag.Core.Storage;

public sealed partial class IndexStore
{
    /// <summary>
    /// Runs an FTS5 MATCH over <c>chunks_fts</c> ranked by bm25 with per-column weights, filtered by collection, path
    /// prefix and type. The match expression is the caller's (retrieval escapes user text); a malformed one throws
    /// <see cref="ArgumentException"/>.
    /// </summary>
    public async Task<IReadOnlyList<FullTextHit>> FullTextSearchAsync(FullTextQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var connection = await OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, null, """
            SELECT f.rowid, bm25(chunks_fts, $wt, $wh, $wx) AS score
            FROM chunks_fts f
            JOIN chunks c ON c.id = f.rowid
            JOIN documents d ON d.id = c.document_id
            WHERE chunks_fts MATCH $match
              AND ($collection IS NULL OR d.collection = $collection)
              AND ($prefix IS NULL OR substr(d.path, 1, length($prefix)) = $prefix)
              AND ($type IS NULL OR d.type = $type)
            ORDER BY score
            LIMIT $limit
            """,
            ("$wt", query.TitleWeight), ("$wh", query.HeadingWeight), ("$wx", query.TextWeight), ("$match", query.Match),
            ("$collection", query.Collection), ("$prefix", query.PathPrefix), ("$type", query.Type), ("$limit", query.Limit));
        var hits = new List<FullTextHit>();
        try
        {
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                hits.Add(new FullTextHit(new ChunkId(reader.GetInt64(0)), reader.GetDouble(1)));
            }
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 1)
        {
            throw new ArgumentException($"invalid full-text query: {ex.Message}", nameof(query), ex);
        }

        return hits;
    }
}
