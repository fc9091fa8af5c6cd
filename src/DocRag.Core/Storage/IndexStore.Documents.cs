using System.Globalization;
using DocRag.Core.Text;
using Microsoft.Data.Sqlite;

namespace DocRag.Core.Storage;

public sealed partial class IndexStore
{
    /// <summary>
    /// Writes a document (new, or replacing the row with the same path) with its chunks, FTS rows and vectors, in one
    /// transaction. Vectors are kept only when their model is the index's current one, so models never mix.
    /// </summary>
    public async Task<DocumentId> SaveDocumentAsync(DocumentWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (write.Vectors is { } vectors && vectors.Count != write.Chunks.Count)
        {
            throw new ArgumentException("one vector per chunk is required", nameof(write));
        }

        var (id, version) = await WriteAsync(async (connection, transaction) =>
        {
            var existing = await ScalarAsync(connection, transaction, "SELECT id FROM documents WHERE path = $path", cancellationToken, ("$path", write.Path)).ConfigureAwait(false);
            long id;
            if (existing is long old)
            {
                await DeleteChunksAsync(connection, transaction, old, cancellationToken).ConfigureAwait(false);
                id = old;
                await ExecuteAsync(connection, transaction, """
                    UPDATE documents SET collection = $collection, sha256 = $sha, size = $size, mtime = $mtime, type = $type, status = $status,
                        error = $error, reason = $reason, note = $note, title = $title, pages = $pages, language = $language,
                        chunk_count = $chunks, chunker = $chunker, indexed_at = $at
                    WHERE id = $id
                    """, cancellationToken, [.. DocumentParameters(write), ("$id", id)]).ConfigureAwait(false);
            }
            else
            {
                id = Convert.ToInt64(await ScalarAsync(connection, transaction, """
                    INSERT INTO documents(path, collection, sha256, size, mtime, type, status, error, reason, note, title, pages, language, chunk_count, chunker, indexed_at)
                    VALUES ($path, $collection, $sha, $size, $mtime, $type, $status, $error, $reason, $note, $title, $pages, $language, $chunks, $chunker, $at)
                    RETURNING id
                    """, cancellationToken, [.. DocumentParameters(write), ("$path", write.Path)]).ConfigureAwait(false), CultureInfo.InvariantCulture);
            }

            var current = await ReadModelAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            var keepVectors = write.Vectors is not null && write.VectorModel is not null && write.VectorModel == current;
            await InsertChunksAsync(connection, transaction, id, write, keepVectors ? current : null, cancellationToken).ConfigureAwait(false);
            return (id, await BumpVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false));
        }, cancellationToken).ConfigureAwait(false);
        OnChanged(version, StoreChangeKind.DocumentWritten, new DocumentId(id));
        return new DocumentId(id);
    }

    /// <summary>Gives a document a new path (and collection) without touching its chunks or vectors: a rename or move.</summary>
    public async Task MoveDocumentAsync(DocumentId id, string newPath, string collection, FileFingerprint fingerprint, CancellationToken cancellationToken = default)
    {
        var version = await WriteAsync(async (connection, transaction) =>
        {
            // A stale row already at the target path (a file replaced by the moved one) gives way.
            var stale = await ScalarAsync(connection, transaction, "SELECT id FROM documents WHERE path = $path AND id <> $id", cancellationToken, ("$path", newPath), ("$id", id.Value)).ConfigureAwait(false);
            if (stale is long staleId)
            {
                await DeleteDocumentRowAsync(connection, transaction, staleId, cancellationToken).ConfigureAwait(false);
            }

            await ExecuteAsync(connection, transaction, "UPDATE documents SET path = $path, collection = $collection, size = $size, mtime = $mtime WHERE id = $id", cancellationToken,
                ("$path", newPath), ("$collection", collection), ("$size", fingerprint.Size), ("$mtime", fingerprint.ModifiedUnixMs), ("$id", id.Value)).ConfigureAwait(false);
            return await BumpVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        OnChanged(version, StoreChangeKind.DocumentMoved, id);
    }

    /// <summary>Records a new size and modification time for unchanged content (a touch): the fast path then skips it.</summary>
    public Task TouchDocumentAsync(DocumentId id, FileFingerprint fingerprint, CancellationToken cancellationToken = default) =>
        WriteAsync(
            (connection, transaction) => ExecuteAsync(connection, transaction, "UPDATE documents SET size = $size, mtime = $mtime WHERE id = $id", cancellationToken,
                ("$size", fingerprint.Size), ("$mtime", fingerprint.ModifiedUnixMs), ("$id", id.Value)),
            cancellationToken);

    /// <summary>Deletes a document with its chunks, vectors and FTS rows. False when it was not there.</summary>
    public async Task<bool> DeleteDocumentAsync(DocumentId id, CancellationToken cancellationToken = default)
    {
        var version = await WriteAsync(async (connection, transaction) =>
            await DeleteDocumentRowAsync(connection, transaction, id.Value, cancellationToken).ConfigureAwait(false)
                ? await BumpVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false)
                : -1, cancellationToken).ConfigureAwait(false);
        if (version < 0)
        {
            return false;
        }

        OnChanged(version, StoreChangeKind.DocumentDeleted, id);
        return true;
    }

    /// <summary>Records the folder a collection mirrors.</summary>
    public Task SetCollectionRootAsync(string collection, string? root, CancellationToken cancellationToken = default) =>
        WriteAsync(
            (connection, transaction) => ExecuteAsync(connection, transaction,
                "INSERT INTO collections(name, root) VALUES ($name, $root) ON CONFLICT(name) DO UPDATE SET root = excluded.root", cancellationToken,
                ("$name", collection), ("$root", root)),
            cancellationToken);

    private static (string, object?)[] DocumentParameters(DocumentWrite write) =>
    [
        ("$collection", write.Collection), ("$sha", write.Fingerprint.Sha256), ("$size", write.Fingerprint.Size),
        ("$mtime", write.Fingerprint.ModifiedUnixMs), ("$type", write.Type),
        ("$status", (write.Failure is null ? DocumentStatus.Indexed : DocumentStatus.Failed).ToCode()),
        ("$error", write.Failure?.Code), ("$reason", write.Failure?.Message), ("$note", write.Note), ("$title", write.Title),
        ("$pages", write.Pages), ("$language", write.Language.ToCode()), ("$chunks", write.Failure is null ? write.Chunks.Count : 0), ("$chunker", write.Chunker),
        ("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)),
    ];

    private static async Task InsertChunksAsync(SqliteConnection connection, SqliteTransaction transaction, long documentId, DocumentWrite write, EmbeddingModelInfo? model, CancellationToken cancellationToken)
    {
        if (write.Failure is not null)
        {
            return;
        }

        using var chunk = Command(connection, transaction, """
            INSERT INTO chunks(document_id, ordinal, text, heading, page_start, page_end, char_start, char_end, token_count)
            VALUES ($doc, $ordinal, $text, $heading, $pageStart, $pageEnd, $charStart, $charEnd, $tokens) RETURNING id
            """);
        using var fts = Command(connection, transaction, "INSERT INTO chunks_fts(rowid, title, heading, text) VALUES ($id, $title, $heading, $text)");
        using var vector = Command(connection, transaction, "INSERT INTO vectors(chunk_id, model, dimension, vector) VALUES ($id, $model, $dimension, $vector)");
        var title = SearchText.ForIndex(write.Title ?? Path.GetFileNameWithoutExtension(write.Path), write.Language);
        for (var i = 0; i < write.Chunks.Count; i++)
        {
            var c = write.Chunks[i];
            chunk.Parameters.Clear();
            chunk.Parameters.AddWithValue("$doc", documentId);
            chunk.Parameters.AddWithValue("$ordinal", c.Ordinal);
            chunk.Parameters.AddWithValue("$text", c.Text);
            chunk.Parameters.AddWithValue("$heading", EncodeHeading(c.HeadingPath));
            chunk.Parameters.AddWithValue("$pageStart", c.PageStart);
            chunk.Parameters.AddWithValue("$pageEnd", c.PageEnd);
            chunk.Parameters.AddWithValue("$charStart", c.CharStart);
            chunk.Parameters.AddWithValue("$charEnd", c.CharEnd);
            chunk.Parameters.AddWithValue("$tokens", c.TokenCount);
            var chunkId = Convert.ToInt64(await chunk.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);

            fts.Parameters.Clear();
            fts.Parameters.AddWithValue("$id", chunkId);
            fts.Parameters.AddWithValue("$title", title);
            fts.Parameters.AddWithValue("$heading", SearchText.ForIndex(FullTextHeading(c.HeadingPath, write.Title), write.Language));
            fts.Parameters.AddWithValue("$text", SearchText.ForIndex(c.Text, write.Language));
            await fts.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

            if (model is not null && write.Vectors is { } vectors)
            {
                if (vectors[i].Length != model.Dimension)
                {
                    throw new ArgumentException($"a vector has {vectors[i].Length} dimensions but the model {model.ModelId} declares {model.Dimension}", nameof(write));
                }

                vector.Parameters.Clear();
                vector.Parameters.AddWithValue("$id", chunkId);
                vector.Parameters.AddWithValue("$model", model.ModelId);
                vector.Parameters.AddWithValue("$dimension", model.Dimension);
                vector.Parameters.AddWithValue("$vector", EncodeVector(vectors[i].Span));
                await vector.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task DeleteChunksAsync(SqliteConnection connection, SqliteTransaction transaction, long documentId, CancellationToken cancellationToken)
    {
        // Explicit rather than cascaded so the FTS trigger and vector removal never depend on foreign_keys being on.
        await ExecuteAsync(connection, transaction, "DELETE FROM vectors WHERE chunk_id IN (SELECT id FROM chunks WHERE document_id = $doc)", cancellationToken, ("$doc", documentId)).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, "DELETE FROM chunks WHERE document_id = $doc", cancellationToken, ("$doc", documentId)).ConfigureAwait(false);
    }

    private static async Task<bool> DeleteDocumentRowAsync(SqliteConnection connection, SqliteTransaction transaction, long documentId, CancellationToken cancellationToken)
    {
        await DeleteChunksAsync(connection, transaction, documentId, cancellationToken).ConfigureAwait(false);
        return await ExecuteAsync(connection, transaction, "DELETE FROM documents WHERE id = $doc", cancellationToken, ("$doc", documentId)).ConfigureAwait(false) > 0;
    }
}
