using System.Globalization;
using System.Text.Json;
using DocRag.Core.Text;
using Microsoft.Data.Sqlite;

namespace DocRag.Core.Storage;

public sealed partial class IndexStore
{
    private const string ChunkColumns = """
        c.id, c.document_id, c.ordinal, c.text, c.heading, c.page_start, c.page_end, c.char_start, c.char_end, c.token_count,
        d.path, d.collection, d.title, d.type, d.language
        """;

    public async Task<StoredDocument?> GetDocumentAsync(DocumentId id, CancellationToken cancellationToken = default) =>
        First(await QueryDocumentsAsync($"SELECT {DocumentColumns} FROM documents WHERE id = $id", cancellationToken, ("$id", id.Value)).ConfigureAwait(false));

    public async Task<StoredDocument?> GetDocumentByPathAsync(string path, CancellationToken cancellationToken = default) =>
        First(await QueryDocumentsAsync($"SELECT {DocumentColumns} FROM documents WHERE path = $path", cancellationToken, ("$path", path)).ConfigureAwait(false));

    /// <summary>Every document of a collection (what a folder sync compares the folder with).</summary>
    public Task<IReadOnlyList<StoredDocument>> GetCollectionDocumentsAsync(string collection, CancellationToken cancellationToken = default) =>
        QueryDocumentsAsync($"SELECT {DocumentColumns} FROM documents WHERE collection = $c", cancellationToken, ("$c", collection));

    /// <summary>Indexed documents whose content has this SHA-256 (candidates for a rename or move).</summary>
    public Task<IReadOnlyList<StoredDocument>> FindDocumentsByHashAsync(string sha256, CancellationToken cancellationToken = default) =>
        QueryDocumentsAsync($"SELECT {DocumentColumns} FROM documents WHERE sha256 = $sha ORDER BY id", cancellationToken, ("$sha", sha256));

    /// <summary>A page of documents ordered by path, with the total matching count.</summary>
    public async Task<DocumentPage> ListDocumentsAsync(DocumentQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var collections = query.Collections is null ? null : JsonSerializer.Serialize(query.Collections);
        (string, object?)[] filter = [("$c", query.Collection), ("$s", query.Status?.ToCode()), ("$cs", collections)];
        const string Where = "WHERE ($c IS NULL OR collection = $c) AND ($s IS NULL OR status = $s) AND ($cs IS NULL OR collection IN (SELECT value FROM json_each($cs)))";
        var items = await QueryDocumentsAsync(
            $"SELECT {DocumentColumns} FROM documents {Where} ORDER BY collection, path LIMIT $limit OFFSET $offset",
            cancellationToken,
            [.. filter, ("$limit", Math.Clamp(query.Limit, 0, 10_000)), ("$offset", Math.Max(0, query.Offset))]).ConfigureAwait(false);
        using var connection = await OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        var total = Convert.ToInt32(await ScalarAsync(connection, null, $"SELECT count(*) FROM documents {Where}", cancellationToken, filter).ConfigureAwait(false), CultureInfo.InvariantCulture);
        return new DocumentPage(items, total);
    }

    public async Task<IReadOnlyList<CollectionSummary>> ListCollectionsAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, null, """
            SELECT n.name, c.root,
                (SELECT count(*) FROM documents d WHERE d.collection = n.name),
                (SELECT count(*) FROM documents d WHERE d.collection = n.name AND d.status = 'indexed'),
                (SELECT count(*) FROM documents d WHERE d.collection = n.name AND d.status = 'failed'),
                (SELECT coalesce(sum(chunk_count), 0) FROM documents d WHERE d.collection = n.name)
            FROM (SELECT name FROM collections UNION SELECT DISTINCT collection FROM documents) n
            LEFT JOIN collections c ON c.name = n.name
            ORDER BY n.name
            """);
        var list = new List<CollectionSummary>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new CollectionSummary(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt64(5)));
        }

        return list;
    }

    /// <summary>Chunks with their document facts, in the order of <paramref name="ids"/>; ids no longer present are left out.</summary>
    public async Task<IReadOnlyList<ChunkRecord>> GetChunksAsync(IReadOnlyList<ChunkId> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }

        var found = new Dictionary<ChunkId, ChunkRecord>();
        using var connection = await OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var batch in ids.Distinct().Chunk(500))
        {
            using var command = Command(connection, null, $"SELECT {ChunkColumns} FROM chunks c JOIN documents d ON d.id = c.document_id WHERE c.id IN (SELECT value FROM json_each($ids))",
                ("$ids", "[" + string.Join(',', batch.Select(i => i.Value.ToString(CultureInfo.InvariantCulture))) + "]"));
            foreach (var chunk in await ReadChunksAsync(command, cancellationToken).ConfigureAwait(false))
            {
                found[chunk.Id] = chunk;
            }
        }

        return ids.Where(found.ContainsKey).Select(i => found[i]).Distinct().ToArray();
    }

    /// <summary>A document's chunks in order.</summary>
    public async Task<IReadOnlyList<ChunkRecord>> GetDocumentChunksAsync(DocumentId id, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, null, $"SELECT {ChunkColumns} FROM chunks c JOIN documents d ON d.id = c.document_id WHERE c.document_id = $id ORDER BY c.ordinal", ("$id", id.Value));
        return await ReadChunksAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The change version: it grows with every committed write by any process (compare to know the index moved).</summary>
    public async Task<long> GetVersionAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        return Convert.ToInt64(await ScalarAsync(connection, null, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'version'", cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    public async Task<IndexStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: true); // one consistent snapshot
        var model = await ReadModelAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, transaction, """
            SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM documents WHERE status = 'indexed'),
                (SELECT count(*) FROM documents WHERE status = 'failed'), (SELECT count(*) FROM chunks),
                (SELECT count(*) FROM vectors WHERE model = $m AND dimension = $d),
                (SELECT count(*) FROM chunks c WHERE NOT EXISTS (SELECT 1 FROM vectors v WHERE v.chunk_id = c.id AND v.model = $m AND v.dimension = $d)),
                (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'version')
            """, ("$m", model?.ModelId), ("$d", model?.Dimension));
        using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await r.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new IndexStatistics(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), model, r.GetInt64(6));
    }

    private static StoredDocument? First(IReadOnlyList<StoredDocument> documents) => documents.Count > 0 ? documents[0] : null;

    private async Task<IReadOnlyList<StoredDocument>> QueryDocumentsAsync(string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        using var connection = await OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, null, sql, parameters);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<StoredDocument>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(ReadDocument(reader));
        }

        return list;
    }

    private static async Task<IReadOnlyList<ChunkRecord>> ReadChunksAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var list = new List<ChunkRecord>();
        using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new ChunkRecord(
                new ChunkId(r.GetInt64(0)), new DocumentId(r.GetInt64(1)), r.GetInt32(2), r.GetString(3), DecodeHeading(r.GetString(4)),
                r.GetInt32(5), r.GetInt32(6), r.GetInt32(7), r.GetInt32(8), r.GetInt32(9),
                r.GetString(10), r.GetString(11), r.IsDBNull(12) ? null : r.GetString(12), r.GetString(13), TextLanguageExtensions.ParseLanguageCode(r.GetString(14))));
        }

        return list;
    }
}
