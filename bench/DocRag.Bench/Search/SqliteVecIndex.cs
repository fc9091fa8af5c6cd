using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace DocRag.Bench.Search;

/// <summary>
/// The peer: sqlite-vec's <c>vec0</c> virtual table (npm <c>sqlite-vec-linux-x64@0.1.9</c>, fetched by the bench with
/// <c>npm pack</c> into artifacts/, never by the product) loaded into Microsoft.Data.Sqlite, holding the same vectors
/// as the bench index in its own file, searched with its exact KNN (<c>MATCH ... AND k = ?</c>, cosine distance).
/// </summary>
internal sealed class SqliteVecIndex : IDisposable
{
    public const string Package = "sqlite-vec-linux-x64@0.1.9";

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _knn;

    public SqliteVecIndex(string path, string extension)
    {
        _connection = Open(path, extension);
        Version = Scalar(_connection, "SELECT vec_version()") as string ?? "?";
        _knn = _connection.CreateCommand();
        _knn.CommandText = "SELECT rowid, distance FROM vec_chunks WHERE embedding MATCH $q AND k = $k ORDER BY distance";
        _knn.Parameters.Add("$q", SqliteType.Blob);
        _knn.Parameters.Add("$k", SqliteType.Integer);
    }

    public string Version { get; }

    /// <summary>vec0.so from the npm package, unpacked under <paramref name="directory"/> on first use.</summary>
    public static string EnsureExtension(string directory)
    {
        var library = Path.Combine(directory, "package", "vec0.so");
        if (File.Exists(library))
        {
            return library;
        }

        Directory.CreateDirectory(directory);
        Run("npm", $"pack {Package} --silent", directory);
        var tarball = Directory.GetFiles(directory, "sqlite-vec-linux-x64-*.tgz").Single();
        Run("tar", $"xzf {Path.GetFileName(tarball)} package/vec0.so", directory);
        return library;
    }

    /// <summary>A vec0 file holding every vector of <paramref name="sourceIndex"/> under its chunk id (built once, then cached).</summary>
    public static string Ensure(string sourceIndex, int dimension, string extension)
    {
        var path = Path.ChangeExtension(sourceIndex, ".vec0.db");
        if (File.Exists(path))
        {
            using var existing = Open(path, extension);
            if (Scalar(existing, "SELECT value FROM bench_meta WHERE key = 'complete'") as string == "1")
            {
                return path;
            }
        }

        File.Delete(path);
        var started = Stopwatch.StartNew();
        using var connection = Open(path, extension);
        Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; CREATE TABLE bench_meta(key TEXT PRIMARY KEY, value TEXT);");
        Execute(connection, $"CREATE VIRTUAL TABLE vec_chunks USING vec0(embedding float[{dimension}] distance_metric=cosine)");
        Execute(connection, $"ATTACH DATABASE '{sourceIndex.Replace("'", "''", StringComparison.Ordinal)}' AS src");
        Execute(connection, "INSERT INTO vec_chunks(rowid, embedding) SELECT chunk_id, vector FROM src.vectors");
        Execute(connection, "DETACH DATABASE src");
        Execute(connection, "INSERT INTO bench_meta(key, value) VALUES ('complete', '1')");
        Console.Error.WriteLine($"  sqlite-vec table built in {started.Elapsed.TotalSeconds:F0} s");
        return path;
    }

    public IReadOnlyList<(long ChunkId, float Similarity)> Search(float[] query, int k)
    {
        _knn.Parameters["$q"].Value = MemoryMarshal.AsBytes(query.AsSpan()).ToArray();
        _knn.Parameters["$k"].Value = k;
        var hits = new List<(long, float)>(k);
        using var reader = _knn.ExecuteReader();
        while (reader.Read())
        {
            hits.Add((reader.GetInt64(0), 1 - (float)reader.GetDouble(1)));
        }

        return hits;
    }

    public void Dispose()
    {
        _knn.Dispose();
        _connection.Dispose();
    }

    private static SqliteConnection Open(string path, string extension)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        connection.LoadExtension(extension);
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        try
        {
            return command.ExecuteScalar();
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }

    private static void Run(string file, string arguments, string directory)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"cannot start {file}");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{file} {arguments} failed ({process.ExitCode}): {error}"));
        }
    }
}
