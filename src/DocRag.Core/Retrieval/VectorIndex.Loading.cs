using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using DocRag.Core.Storage;
using Microsoft.Data.Sqlite;

namespace DocRag.Core.Retrieval;

public sealed partial class VectorIndex
{
    private const string CurrentModelVectors = "v.model = $m AND v.dimension = $d";

    /// <summary>Reads every vector of the current model in one snapshot (the matrix is allocated once, at its final size).</summary>
    private async Task<LoadedVectors> ReadAllAsync(CancellationToken cancellationToken)
    {
        using var connection = await _store.OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: true);
        var version = await ReadVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var model = await ReadModelAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (model is null || model.Dimension <= 0)
        {
            return new LoadedVectors(model, version, [], [], [], [], 0);
        }

        var documents = await ReadDocumentsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var documentIndex = new Dictionary<long, int>(documents.Count);
        for (var i = 0; i < documents.Count; i++)
        {
            documentIndex[documents[i].Id.Value] = i;
        }

        using var countCommand = Command(connection, transaction, $"SELECT count(*) FROM vectors v WHERE {CurrentModelVectors}", model);
        var expected = Convert.ToInt32(await countCommand.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        var dimension = model.Dimension;
        CheckSize(expected, dimension);
        var matrix = new float[(long)expected * dimension];
        var chunkIds = new long[expected];
        var rowDocuments = new int[expected];
        var buffer = new byte[dimension * sizeof(float)];
        var count = 0;
        using var command = Command(connection, transaction,
            $"SELECT v.chunk_id, c.document_id, v.vector FROM vectors v JOIN chunks c ON c.id = v.chunk_id WHERE {CurrentModelVectors}", model);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (count < expected && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!documentIndex.TryGetValue(reader.GetInt64(1), out var document) || !TryReadVector(reader, 2, buffer, matrix.AsSpan(count * dimension, dimension)))
            {
                continue;
            }

            chunkIds[count] = reader.GetInt64(0);
            rowDocuments[count] = document;
            count++;
        }

        return new LoadedVectors(model, version, matrix, chunkIds, rowDocuments, documents, count);
    }

    /// <summary>A document's row and its vectors under <paramref name="model"/>; null document when it is gone.</summary>
    private static async Task<(IndexedDocument? Document, List<(long ChunkId, float[] Vector)> Rows)> ReadDocumentAsync(
        SqliteConnection connection, SqliteTransaction transaction, EmbeddingModelInfo model, DocumentId id, CancellationToken cancellationToken)
    {
        using var documentCommand = Command(connection, transaction, "SELECT id, collection, path, type FROM documents WHERE id = $id", null);
        documentCommand.Parameters.AddWithValue("$id", id.Value);
        IndexedDocument? document = null;
        using (var reader = await documentCommand.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                document = ReadDocument(reader);
            }
        }

        var rows = new List<(long, float[])>();
        if (document is null)
        {
            return (null, rows);
        }

        using var command = Command(connection, transaction,
            $"SELECT v.chunk_id, v.vector FROM vectors v JOIN chunks c ON c.id = v.chunk_id WHERE c.document_id = $id AND {CurrentModelVectors}", model);
        command.Parameters.AddWithValue("$id", id.Value);
        await ReadRowsAsync(command, model.Dimension, rows, cancellationToken).ConfigureAwait(false);
        return (document, rows);
    }

    private static async Task ReadRowsAsync(SqliteCommand command, int dimension, List<(long, float[])> rows, CancellationToken cancellationToken)
    {
        var buffer = new byte[dimension * sizeof(float)];
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var vector = new float[dimension];
            if (TryReadVector(reader, 1, buffer, vector))
            {
                rows.Add((reader.GetInt64(0), vector));
            }
        }
    }

    private static async Task<List<IndexedDocument>> ReadDocumentsAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, "SELECT id, collection, path, type FROM documents WHERE status = 'indexed'", null);
        var documents = new List<IndexedDocument>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            documents.Add(ReadDocument(reader));
        }

        return documents;
    }

    private static IndexedDocument ReadDocument(SqliteDataReader reader) =>
        new(new DocumentId(reader.GetInt64(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3));

    /// <summary>Copies a float32 blob into <paramref name="row"/> and normalises it; false for a blob of the wrong size.</summary>
    private static bool TryReadVector(SqliteDataReader reader, int ordinal, byte[] buffer, Span<float> row)
    {
        if (reader.IsDBNull(ordinal) || reader.GetBytes(ordinal, 0, null, 0, 0) != buffer.Length)
        {
            return false;
        }

        reader.GetBytes(ordinal, 0, buffer, 0, buffer.Length);
        MemoryMarshal.Cast<byte, float>(buffer).CopyTo(row);
        Normalize(row);
        return true;
    }

    private static async Task<long> ReadVersionAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'version'", null);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static async Task<EmbeddingModelInfo?> ReadModelAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, "SELECT key, value FROM meta WHERE key IN ('embedding_model', 'embedding_dimension')", null);
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
                _ = int.TryParse(reader.GetString(1), NumberStyles.None, CultureInfo.InvariantCulture, out dimension);
            }
        }

        return id is null ? null : new EmbeddingModelInfo(id, dimension);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, EmbeddingModelInfo? model)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (model is not null)
        {
            command.Parameters.AddWithValue("$m", model.ModelId);
            command.Parameters.AddWithValue("$d", model.Dimension);
        }

        return command;
    }

    private static double Milliseconds(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;
}
