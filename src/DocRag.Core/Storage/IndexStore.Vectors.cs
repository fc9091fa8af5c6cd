using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace DocRag.Core.Storage;

public sealed partial class IndexStore
{
    /// <summary>The model the index's vectors belong to; null before any embedder was used.</summary>
    public async Task<EmbeddingModelInfo?> GetEmbeddingModelAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadModelAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Makes <paramref name="model"/> the index's embedding model. When it differs from the recorded one, every vector is
    /// deleted in the same transaction (chunks then wait for a re-embed): vectors of two models never coexist.
    /// </summary>
    /// <returns>True when the model changed.</returns>
    public async Task<bool> SetEmbeddingModelAsync(EmbeddingModelInfo model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var version = await WriteAsync(async (connection, transaction) =>
        {
            if (await ReadModelAsync(connection, transaction, cancellationToken).ConfigureAwait(false) == model)
            {
                return -1L;
            }

            await ExecuteAsync(connection, transaction, "DELETE FROM vectors", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, """
                INSERT INTO meta(key, value) VALUES ('embedding_model', $m), ('embedding_dimension', $d)
                ON CONFLICT(key) DO UPDATE SET value = excluded.value
                """, cancellationToken, ("$m", model.ModelId), ("$d", model.Dimension.ToString(CultureInfo.InvariantCulture))).ConfigureAwait(false);
            return await BumpVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        if (version < 0)
        {
            return false;
        }

        OnChanged(version, StoreChangeKind.VectorsReset, null);
        return true;
    }

    /// <summary>Every vector of the current model, by chunk id: what an in-memory vector index loads.</summary>
    public async IAsyncEnumerable<StoredVector> ReadVectorsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var connection = await OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: true);
        var model = await ReadModelAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (model is null)
        {
            yield break;
        }

        using var command = Command(connection, transaction, """
            SELECT v.chunk_id, c.document_id, v.vector FROM vectors v JOIN chunks c ON c.id = v.chunk_id
            WHERE v.model = $m AND v.dimension = $d ORDER BY v.chunk_id
            """, ("$m", model.ModelId), ("$d", model.Dimension));
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new StoredVector(new ChunkId(reader.GetInt64(0)), new DocumentId(reader.GetInt64(1)), DecodeVector((byte[])reader.GetValue(2)));
        }
    }

    /// <summary>A document's vectors under the current model (to update a vector index after <see cref="StoreChangeKind.DocumentWritten"/>).</summary>
    public async Task<IReadOnlyList<StoredVector>> GetDocumentVectorsAsync(DocumentId id, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, null, """
            SELECT v.chunk_id, c.document_id, v.vector FROM vectors v JOIN chunks c ON c.id = v.chunk_id
            WHERE c.document_id = $doc AND v.model = (SELECT value FROM meta WHERE key = 'embedding_model')
            ORDER BY c.ordinal
            """, ("$doc", id.Value));
        var list = new List<StoredVector>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new StoredVector(new ChunkId(reader.GetInt64(0)), new DocumentId(reader.GetInt64(1)), DecodeVector((byte[])reader.GetValue(2))));
        }

        return list;
    }

    /// <summary>Up to <paramref name="limit"/> chunks (id above <paramref name="after"/>) that have no vector of the current model.</summary>
    public async Task<IReadOnlyList<(ChunkId Id, string Text)>> GetChunksWithoutVectorsAsync(int limit, ChunkId after = default, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        var model = await ReadModelAsync(connection, null, cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, null, """
            SELECT c.id, c.text FROM chunks c
            WHERE c.id > $after AND NOT EXISTS (SELECT 1 FROM vectors v WHERE v.chunk_id = c.id AND v.model = $m AND v.dimension = $d)
            ORDER BY c.id LIMIT $limit
            """, ("$after", after.Value), ("$m", model?.ModelId), ("$d", model?.Dimension), ("$limit", limit));
        var list = new List<(ChunkId, string)>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add((new ChunkId(reader.GetInt64(0)), reader.GetString(1)));
        }

        return list;
    }

    /// <summary>Stores vectors for existing chunks in one transaction; ignored unless <paramref name="model"/> is the current model.</summary>
    /// <returns>How many were stored.</returns>
    public async Task<int> SaveVectorsAsync(EmbeddingModelInfo model, IReadOnlyList<(ChunkId Id, ReadOnlyMemory<float> Vector)> vectors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(vectors);
        var (count, version) = await WriteAsync(async (connection, transaction) =>
        {
            if (await ReadModelAsync(connection, transaction, cancellationToken).ConfigureAwait(false) != model)
            {
                return (0, -1L);
            }

            using var command = Command(connection, transaction, """
                INSERT INTO vectors(chunk_id, model, dimension, vector) SELECT $id, $m, $d, $v WHERE EXISTS (SELECT 1 FROM chunks WHERE id = $id)
                ON CONFLICT(chunk_id) DO UPDATE SET model = excluded.model, dimension = excluded.dimension, vector = excluded.vector
                """);
            var stored = 0;
            foreach (var (id, vector) in vectors)
            {
                if (vector.Length != model.Dimension)
                {
                    throw new ArgumentException($"a vector has {vector.Length} dimensions but the model {model.ModelId} declares {model.Dimension}", nameof(vectors));
                }

                command.Parameters.Clear();
                command.Parameters.AddWithValue("$id", id.Value);
                command.Parameters.AddWithValue("$m", model.ModelId);
                command.Parameters.AddWithValue("$d", model.Dimension);
                command.Parameters.AddWithValue("$v", EncodeVector(vector.Span));
                stored += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return (stored, await BumpVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false));
        }, cancellationToken).ConfigureAwait(false);
        if (version >= 0)
        {
            OnChanged(version, StoreChangeKind.VectorsWritten, null);
        }

        return count;
    }

    private static async Task<EmbeddingModelInfo?> ReadModelAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, "SELECT key, value FROM meta WHERE key IN ('embedding_model', 'embedding_dimension')");
        string? id = null;
        var dimension = 0;
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (reader.GetString(0) == "embedding_model")
            {
                id = reader.GetString(1);
            }
            else
            {
                dimension = int.Parse(reader.GetString(1), CultureInfo.InvariantCulture);
            }
        }

        return id is null ? null : new EmbeddingModelInfo(id, dimension);
    }
}
