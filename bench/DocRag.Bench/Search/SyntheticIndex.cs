using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using DocRag.Core.Storage;
using DocRag.Core.Text;
using Microsoft.Data.Sqlite;

namespace DocRag.Bench.Search;

/// <summary>
/// Builds (once, then cached) an index file of N chunks in DocRag's own schema: documents of 50 chunks in four
/// collections and four types, chunk text of about 180 words sampled from <see cref="SyntheticText"/>, FTS rows analysed
/// by <see cref="SearchText.ForIndex"/> exactly as the store writes them, and one random unit vector per chunk.
/// Rows go in with plain SQL in transactions of 10,000 chunks, text analysed on every core: the store's
/// one-document-per-transaction path would take hours at a million chunks.
/// </summary>
internal static class SyntheticIndex
{
    public const string ModelId = "bench-random-unit-vectors";
    public const int ChunksPerDocument = 50;
    public const int WordsPerChunk = 180;

    public static readonly string[] Collections = ["research", "clinical", "reviews", "archive"];
    private static readonly string[] Types = ["pdf", "md", "txt", "docx"];

    public static float[] UnitVector(Random random, int dimension)
    {
        var vector = new float[dimension];
        double norm = 0;
        for (var i = 0; i < dimension; i++)
        {
            // Box-Muller: Gaussian components make the direction uniform on the sphere.
            var g = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            vector[i] = (float)g;
            norm += g * g;
        }

        var scale = (float)(1 / Math.Sqrt(norm));
        for (var i = 0; i < dimension; i++)
        {
            vector[i] *= scale;
        }

        return vector;
    }

    public static async Task<string> EnsureAsync(string directory, int chunks, int dimension, SyntheticText text, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"chunks-{chunks}-d{dimension}.db");
        if (File.Exists(path) && ReadMeta(path, "bench_complete") == chunks.ToString(CultureInfo.InvariantCulture))
        {
            return path;
        }

        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        var started = Stopwatch.StartNew();
        using (var store = new IndexStore(path))
        {
            await store.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
            await store.EnsureFullTextAnalyzerAsync(cancellationToken).ConfigureAwait(false);
            await store.SetEmbeddingModelAsync(new EmbeddingModelInfo(ModelId, dimension), cancellationToken).ConfigureAwait(false);
        }

        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Execute(connection, "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;");
        var documents = (chunks + ChunksPerDocument - 1) / ChunksPerDocument;
        const int DocumentsPerBatch = 10_000 / ChunksPerDocument;
        for (var first = 0; first < documents; first += DocumentsPerBatch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = Enumerable.Range(first, Math.Min(DocumentsPerBatch, documents - first)).ToArray();
            var prepared = new PreparedDocument[batch.Length];
            Parallel.For(0, batch.Length, i => prepared[i] = Prepare(batch[i], Math.Min(ChunksPerDocument, chunks - (batch[i] * ChunksPerDocument)), dimension, text));
            Insert(connection, prepared);
            if ((first / DocumentsPerBatch) % 10 == 9)
            {
                Console.Error.WriteLine($"  built {Math.Min(chunks, (first + DocumentsPerBatch) * ChunksPerDocument):N0} / {chunks:N0} chunks ({started.Elapsed.TotalSeconds:F0} s)");
            }
        }

        Execute(connection, $"INSERT INTO meta(key, value) VALUES ('bench_complete', '{chunks}')");
        Console.Error.WriteLine($"  index of {chunks:N0} chunks built in {started.Elapsed.TotalSeconds:F0} s: {new FileInfo(path).Length / 1048576.0:F0} MB");
        return path;
    }

    private static PreparedDocument Prepare(int document, int chunks, int dimension, SyntheticText text)
    {
        var random = new Random(1_000_003 * (document + 1));
        var title = text.Titles[random.Next(text.Titles.Count)];
        var analysedTitle = SearchText.ForIndex(title, TextLanguage.English);
        var rows = new PreparedChunk[chunks];
        for (var i = 0; i < chunks; i++)
        {
            var heading = $"Section {(i / 5) + 1}";
            var body = text.Chunk(random, WordsPerChunk);
            var vector = MemoryMarshal.AsBytes(UnitVector(random, dimension).AsSpan()).ToArray();
            rows[i] = new PreparedChunk(body, heading, SearchText.ForIndex(heading, TextLanguage.English), SearchText.ForIndex(body, TextLanguage.English), vector);
        }

        var collection = Collections[document % Collections.Length];
        var type = Types[(document / Collections.Length) % Types.Length];
        return new PreparedDocument($"/bench/{collection}/doc{document:D7}.{type}", collection, type, title, analysedTitle, rows);
    }

    private static void Insert(SqliteConnection connection, PreparedDocument[] documents)
    {
        using var transaction = connection.BeginTransaction();
        using var document = Command(connection, transaction, """
            INSERT INTO documents(path, collection, sha256, size, mtime, type, status, title, pages, language, chunk_count, chunker, indexed_at)
            VALUES ($path, $collection, $sha, 1000, 0, $type, 'indexed', $title, $pages, 'en', $chunks, 'bench', '2026-01-01T00:00:00Z') RETURNING id
            """);
        using var chunk = Command(connection, transaction, """
            INSERT INTO chunks(document_id, ordinal, text, heading, page_start, page_end, char_start, char_end, token_count)
            VALUES ($doc, $ordinal, $text, $heading, $page, $page, 0, $length, $tokens) RETURNING id
            """);
        using var fts = Command(connection, transaction, "INSERT INTO chunks_fts(rowid, title, heading, text) VALUES ($id, $title, $heading, $text)");
        using var vector = Command(connection, transaction, "INSERT INTO vectors(chunk_id, model, dimension, vector) VALUES ($id, $model, $dimension, $vector)");
        foreach (var d in documents)
        {
            document.Parameters.Clear();
            document.Parameters.AddWithValue("$path", d.Path);
            document.Parameters.AddWithValue("$collection", d.Collection);
            document.Parameters.AddWithValue("$sha", d.Path.GetHashCode(StringComparison.Ordinal).ToString("x8", CultureInfo.InvariantCulture));
            document.Parameters.AddWithValue("$type", d.Type);
            document.Parameters.AddWithValue("$title", d.Title);
            document.Parameters.AddWithValue("$pages", (d.Chunks.Length / 5) + 1);
            document.Parameters.AddWithValue("$chunks", d.Chunks.Length);
            var documentId = (long)document.ExecuteScalar()!;
            for (var i = 0; i < d.Chunks.Length; i++)
            {
                var c = d.Chunks[i];
                chunk.Parameters.Clear();
                chunk.Parameters.AddWithValue("$doc", documentId);
                chunk.Parameters.AddWithValue("$ordinal", i);
                chunk.Parameters.AddWithValue("$text", c.Text);
                chunk.Parameters.AddWithValue("$heading", JsonSerializer.Serialize(new[] { c.Heading }));
                chunk.Parameters.AddWithValue("$page", (i / 5) + 1);
                chunk.Parameters.AddWithValue("$length", c.Text.Length);
                chunk.Parameters.AddWithValue("$tokens", WordsPerChunk * 4 / 3);
                var chunkId = (long)chunk.ExecuteScalar()!;
                fts.Parameters.Clear();
                fts.Parameters.AddWithValue("$id", chunkId);
                fts.Parameters.AddWithValue("$title", d.AnalysedTitle);
                fts.Parameters.AddWithValue("$heading", c.AnalysedHeading);
                fts.Parameters.AddWithValue("$text", c.AnalysedText);
                fts.ExecuteNonQuery();
                vector.Parameters.Clear();
                vector.Parameters.AddWithValue("$id", chunkId);
                vector.Parameters.AddWithValue("$model", ModelId);
                vector.Parameters.AddWithValue("$dimension", c.Vector.Length / sizeof(float));
                vector.Parameters.AddWithValue("$vector", c.Vector);
                vector.ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }

    private static string? ReadMeta(string path, string key)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        try
        {
            return command.ExecuteScalar() as string;
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
