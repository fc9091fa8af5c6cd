using System.Text.Json;
using DocRag.Core.Storage;
using Microsoft.Data.Sqlite;

namespace DocRag.Core.Retrieval;

public sealed partial class VectorIndex
{
    private const int FetchBatch = 500;

    /// <summary>
    /// Compares the loaded rows with the store's (chunk, document) pairs and fixes the difference: for changes the events
    /// do not name a document for (vectors written in batches, a move that replaced another file's row).
    /// </summary>
    /// <returns>False when the store's model is no longer the loaded one (the caller reloads).</returns>
    private async Task<bool> ReconcileAsync(EmbeddingModelInfo model, long target, CancellationToken cancellationToken)
    {
        var loaded = Read(() => _chunkIds.AsSpan(0, _count).ToArray().ToHashSet());
        var stored = new Dictionary<long, long>();
        List<IndexedDocument> documents;
        var added = new List<(long ChunkId, long DocumentId, float[] Vector)>();
        using (var connection = await _store.OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false))
        using (var transaction = connection.BeginTransaction(deferred: true))
        {
            if (await ReadModelAsync(connection, transaction, cancellationToken).ConfigureAwait(false) != model)
            {
                return false;
            }

            using (var command = Command(connection, transaction, $"SELECT v.chunk_id, c.document_id FROM vectors v JOIN chunks c ON c.id = v.chunk_id WHERE {CurrentModelVectors}", model))
            using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    stored[reader.GetInt64(0)] = reader.GetInt64(1);
                }
            }

            documents = await ReadDocumentsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            foreach (var batch in stored.Keys.Where(id => !loaded.Contains(id)).Chunk(FetchBatch))
            {
                await ReadChunkVectorsAsync(connection, transaction, model, batch, added, cancellationToken).ConfigureAwait(false);
            }
        }

        var byId = documents.ToDictionary(d => d.Id.Value);
        Write(() =>
        {
            RemoveRows(r => !stored.TryGetValue(_chunkIds[r], out var document) || document != _documents[_rowSlots[r]]!.Id.Value || !byId.ContainsKey(document));
            foreach (var (id, slot) in _slotByDocument)
            {
                _documents[slot] = byId.GetValueOrDefault(id.Value) ?? _documents[slot];
            }

            EnsureCapacity(_count + added.Count);
            foreach (var (chunkId, documentId, vector) in added)
            {
                if (byId.TryGetValue(documentId, out var document))
                {
                    vector.CopyTo(_matrix.AsSpan(_count * _dimension, _dimension));
                    _chunkIds[_count] = chunkId;
                    _rowSlots[_count] = SlotOf(document);
                    _count++;
                }
            }

            var used = _rowSlots.AsSpan(0, _count).ToArray().ToHashSet();
            foreach (var (id, slot) in _slotByDocument.ToArray())
            {
                if (!used.Contains(slot))
                {
                    ReleaseSlot(id);
                }
            }

            _version = target;
        });
        return true;
    }

    private static async Task ReadChunkVectorsAsync(
        SqliteConnection connection, SqliteTransaction transaction, EmbeddingModelInfo model, long[] chunkIds,
        List<(long, long, float[])> into, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction,
            $"SELECT v.chunk_id, c.document_id, v.vector FROM vectors v JOIN chunks c ON c.id = v.chunk_id WHERE v.chunk_id IN (SELECT value FROM json_each($ids)) AND {CurrentModelVectors}",
            model);
        command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(chunkIds));
        var buffer = new byte[model.Dimension * sizeof(float)];
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var vector = new float[model.Dimension];
            if (TryReadVector(reader, 2, buffer, vector))
            {
                into.Add((reader.GetInt64(0), reader.GetInt64(1), vector));
            }
        }
    }
}
