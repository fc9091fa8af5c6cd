using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using DocRag.Core.Text;
using Microsoft.Data.Sqlite;

namespace DocRag.Core.Storage;

public sealed partial class IndexStore
{
    private const string DocumentColumns =
        "id, path, collection, type, status, error, reason, note, title, pages, language, chunk_count, sha256, size, mtime, indexed_at, chunker";

    /// <summary>Runs <paramref name="work"/> in one IMMEDIATE transaction, serialized with this process's other writes.</summary>
    private async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            using var transaction = connection.BeginTransaction(deferred: false);
            var result = await work(connection, transaction).ConfigureAwait(false);
            transaction.Commit();
            return result;
        }
        catch (SqliteException ex) when (ExplainWriteFailure(ex) is { } clear)
        {
            throw clear; // the transaction was rolled back: the index is as it was
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }

    /// <summary>Increments the change version inside the current write transaction.</summary>
    private static async Task<long> BumpVersionAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken) =>
        Convert.ToInt64(
            await ScalarAsync(connection, transaction, "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'version' RETURNING value", cancellationToken).ConfigureAwait(false),
            CultureInfo.InvariantCulture);

    private static StoredDocument ReadDocument(SqliteDataReader r) => new(
        new DocumentId(r.GetInt64(0)),
        r.GetString(1),
        r.GetString(2),
        r.GetString(3),
        DocumentStatusExtensions.ParseStatus(r.GetString(4)) ?? DocumentStatus.Failed,
        r.IsDBNull(5) ? null : r.GetString(5),
        r.IsDBNull(6) ? null : r.GetString(6),
        r.IsDBNull(7) ? null : r.GetString(7),
        r.IsDBNull(8) ? null : r.GetString(8),
        r.GetInt32(9),
        TextLanguageExtensions.ParseLanguageCode(r.GetString(10)),
        r.GetInt32(11),
        new FileFingerprint(r.GetString(12), r.GetInt64(13), r.GetInt64(14)),
        DateTimeOffset.Parse(r.GetString(15), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        r.IsDBNull(16) ? null : r.GetString(16));

    internal static string EncodeHeading(IReadOnlyList<string> path) => JsonSerializer.Serialize(path);

    internal static IReadOnlyList<string> DecodeHeading(string json) =>
        json.Length == 0 ? [] : JsonSerializer.Deserialize<string[]>(json) ?? [];

    internal static byte[] EncodeVector(ReadOnlySpan<float> vector) => MemoryMarshal.AsBytes(vector).ToArray();

    internal static float[] DecodeVector(byte[] blob) => MemoryMarshal.Cast<byte, float>(blob).ToArray();
}
