using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace DocRag.Cli.Tests.Commands;

/// <summary>
/// Read-only checks on a <c>DATA/docrag.db</c> another process wrote (or was killed writing): soundness, and a snapshot
/// of documents and chunks to compare two indexes.
/// </summary>
internal static class IndexDatabase
{
    public static string PathIn(string data) => Path.Combine(data, "docrag.db");

    /// <summary>
    /// integrity_check ok, foreign keys hold, and no document is half-written: its chunk count matches its chunks, every
    /// chunk has its FTS row, and its chunks have all their vectors or none (none: waiting to be embedded).
    /// </summary>
    public static async Task AssertSoundAsync(string data)
    {
        if (!File.Exists(PathIn(data)))
        {
            return; // killed before the index was created
        }

        Assert.Equal("ok", await ScalarAsync(data, "PRAGMA integrity_check"));
        if (!await HasSchemaAsync(data))
        {
            return; // killed before the first migration committed: an empty index, which the next open migrates
        }

        Assert.Null(await ScalarAsync(data, "PRAGMA foreign_key_check"));
        Assert.Equal(0L, await CountAsync(data, "SELECT count(*) FROM documents d WHERE d.chunk_count <> (SELECT count(*) FROM chunks c WHERE c.document_id = d.id)"));
        Assert.Equal(await CountAsync(data, "SELECT count(*) FROM chunks"), await CountAsync(data, "SELECT count(*) FROM chunks_fts"));
        Assert.Equal(0L, await CountAsync(data, "SELECT count(*) FROM vectors WHERE chunk_id NOT IN (SELECT id FROM chunks)"));
        Assert.Equal(0L, await CountAsync(data, """
            SELECT count(*) FROM documents d
            WHERE (SELECT count(*) FROM vectors v JOIN chunks c ON c.id = v.chunk_id WHERE c.document_id = d.id) NOT IN (0, d.chunk_count)
            """));
    }

    /// <summary>Every document row with its chunks (not ids or times): equal for two indexes of the same files.</summary>
    public static async Task<string> SnapshotAsync(string data)
    {
        await using var connection = Open(data);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT d.path, d.collection, d.status, coalesce(d.error, ''), d.sha256, d.chunk_count, coalesce(d.title, ''),
                   c.ordinal, c.heading, c.page_start, c.page_end, c.char_start, c.char_end, c.token_count, c.text
            FROM documents d LEFT JOIN chunks c ON c.document_id = d.id ORDER BY d.path, c.ordinal
            """;
        var sb = new StringBuilder();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                sb.Append(reader.IsDBNull(i) ? "-" : reader.GetValue(i)).Append('|');
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    public static async Task<long> CountAsync(string data, string sql) =>
        File.Exists(PathIn(data)) && await HasSchemaAsync(data) ? Convert.ToInt64(await ScalarAsync(data, sql), CultureInfo.InvariantCulture) : 0;

    /// <summary>
    /// Whether any schema migration has committed. A kill between creating the file and the first migration's commit
    /// leaves user_version 0 and no tables: the product's next open migrates it, so it counts as an empty index.
    /// </summary>
    public static async Task<bool> HasSchemaAsync(string data) =>
        Convert.ToInt64(await ScalarAsync(data, "PRAGMA user_version"), CultureInfo.InvariantCulture) > 0;

    public static async Task<object?> ScalarAsync(string data, string sql)
    {
        await using var connection = Open(data);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static SqliteConnection Open(string data) =>
        new(new SqliteConnectionStringBuilder { DataSource = PathIn(data), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
}
