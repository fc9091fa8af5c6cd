using DocRag.Core.Text;
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

    /// <summary>
    /// How many chunks the index holds and how many of them match each of <paramref name="matches"/> (FTS5 MATCH
    /// expressions, one per query word): the document frequencies a relevance decision weighs words by.
    /// </summary>
    /// <exception cref="ArgumentException">A malformed match expression.</exception>
    public async Task<(long Chunks, long[] Matching)> FullTextFrequenciesAsync(IReadOnlyList<string> matches, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(matches);
        using var connection = await OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: true); // one consistent snapshot
        var chunks = Convert.ToInt64(await ScalarAsync(connection, transaction, "SELECT count(*) FROM chunks", cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        var counts = new long[matches.Count];
        for (var i = 0; i < matches.Count; i++)
        {
            using var command = Command(connection, transaction, "SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH $match", ("$match", matches[i]));
            try
            {
                counts[i] = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == 1)
            {
                throw new ArgumentException($"invalid full-text query: {ex.Message}", nameof(matches), ex);
            }
        }

        return (chunks, counts);
    }

    /// <summary>
    /// Rebuilds every FTS row from the stored chunks when the index was analysed by a different
    /// <see cref="FullTextAnalyzer.Signature"/> (one transaction). Folder syncs call it; a search host may call it at start.
    /// </summary>
    /// <returns>True when the rows were rebuilt.</returns>
    public async Task<bool> EnsureFullTextAnalyzerAsync(CancellationToken cancellationToken = default)
    {
        var signature = FullTextAnalyzer.Signature;
        var version = await WriteAsync(async (connection, transaction) =>
        {
            var recorded = await ScalarAsync(connection, transaction, "SELECT value FROM meta WHERE key = 'fts_analyzer'", cancellationToken).ConfigureAwait(false) as string;
            if (recorded == signature)
            {
                return -1L;
            }

            if (recorded is not null || Convert.ToInt64(await ScalarAsync(connection, transaction, "SELECT count(*) FROM chunks", cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                await RebuildFullTextAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            }

            await ExecuteAsync(connection, transaction, "INSERT INTO meta(key, value) VALUES ('fts_analyzer', $s) ON CONFLICT(key) DO UPDATE SET value = excluded.value", cancellationToken, ("$s", signature)).ConfigureAwait(false);
            return await BumpVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        if (version < 0)
        {
            return false;
        }

        OnChanged(version, StoreChangeKind.FullTextRebuilt, null);
        return true;
    }

    /// <summary>
    /// The heading column of a chunk's FTS row: its heading path, less an outermost heading that only repeats the
    /// document's title (a Markdown <c># Title</c>, a text file's title line), which the title column already weighs.
    /// </summary>
    internal static string FullTextHeading(IReadOnlyList<string> headingPath, string? title) =>
        string.Join(' ', headingPath.Count > 0 && title is not null && string.Equals(headingPath[0].Trim(), title.Trim(), StringComparison.OrdinalIgnoreCase)
            ? headingPath.Skip(1)
            : headingPath);

    private static async Task RebuildFullTextAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, "INSERT INTO chunks_fts(chunks_fts) VALUES ('delete-all')", cancellationToken).ConfigureAwait(false);
        using var insert = Command(connection, transaction, "INSERT INTO chunks_fts(rowid, title, heading, text) VALUES ($id, $title, $heading, $text)");
        using var select = Command(connection, transaction, "SELECT c.id, coalesce(d.title, ''), d.path, d.language, c.heading, c.text FROM chunks c JOIN documents d ON d.id = c.document_id");
        using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var language = TextLanguageExtensions.ParseLanguageCode(reader.GetString(3));
            var title = reader.GetString(1);
            insert.Parameters.Clear();
            insert.Parameters.AddWithValue("$id", reader.GetInt64(0));
            insert.Parameters.AddWithValue("$title", SearchText.ForIndex(title.Length > 0 ? title : Path.GetFileNameWithoutExtension(reader.GetString(2)), language));
            insert.Parameters.AddWithValue("$heading", SearchText.ForIndex(FullTextHeading(DecodeHeading(reader.GetString(4)), title), language));
            insert.Parameters.AddWithValue("$text", SearchText.ForIndex(reader.GetString(5), language));
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
