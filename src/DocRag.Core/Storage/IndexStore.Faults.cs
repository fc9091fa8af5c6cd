using System.Globalization;
using Microsoft.Data.Sqlite;

namespace DocRag.Core.Storage;

public sealed partial class IndexStore
{
    private const int SqliteReadOnly = 8;
    private const int SqliteCantOpen = 14;
    private const int SqliteFull = 13;

    /// <summary>Caps the file at <paramref name="megabytes"/> through <c>max_page_count</c> (per connection in SQLite).</summary>
    private static async Task LimitSizeAsync(SqliteConnection connection, int megabytes, CancellationToken cancellationToken)
    {
        var pageSize = Convert.ToInt64(await ScalarAsync(connection, null, "PRAGMA page_size", cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        var pages = Math.Max(1, megabytes * 1024L * 1024L / pageSize);
        await ExecuteAsync(connection, null, string.Create(CultureInfo.InvariantCulture, $"PRAGMA max_page_count = {pages}"), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opening or migrating the index, with a full disk or a read-only file named as such.</summary>
    private async Task InitializeOrExplainAsync()
    {
        try
        {
            await InitializeAsync().ConfigureAwait(false);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteCantOpen or SqliteReadOnly && CanOnlyBeRead())
        {
            await OpenImmutableAsync(ex).ConfigureAwait(false);
        }
        catch (SqliteException ex) when (ExplainWriteFailure(ex) is { } clear)
        {
            throw clear;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteCantOpen && File.Exists(DatabasePath))
        {
            // The file is there but SQLite cannot open it with its WAL files: it may not write beside it.
            throw new IndexReadOnlyException(ReadOnlyMessage(), ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new IndexReadOnlyException(ReadOnlyMessage(), ex);
        }
    }

    /// <summary>
    /// A cleanly closed index (no <c>-wal</c> file, so no writer) whose folder cannot be written: SQLite cannot create the
    /// WAL index file it needs even to read, so the file is opened immutable and read-only instead.
    /// </summary>
    private bool CanOnlyBeRead() => File.Exists(DatabasePath) && !File.Exists(DatabasePath + "-wal");

    private async Task OpenImmutableAsync(SqliteException cause)
    {
        var uri = "file:" + DatabasePath.Replace("%", "%25", StringComparison.Ordinal).Replace("?", "%3f", StringComparison.Ordinal)
            .Replace("#", "%23", StringComparison.Ordinal) + "?immutable=1";
        _connectionString = new SqliteConnectionStringBuilder(_connectionString) { DataSource = uri, Mode = SqliteOpenMode.ReadOnly }.ToString();
        try
        {
            using var connection = await OpenAsync(CancellationToken.None).ConfigureAwait(false);
            var version = Convert.ToInt32(await ScalarAsync(connection, null, "PRAGMA user_version", CancellationToken.None).ConfigureAwait(false), CultureInfo.InvariantCulture);
            if (version != SchemaVersion)
            {
                throw new IndexReadOnlyException(ReadOnlyMessage() + $" (its schema version {version} also needs upgrading to {SchemaVersion}, which needs write access)", cause);
            }
        }
        catch (SqliteException ex)
        {
            throw new IndexReadOnlyException(ReadOnlyMessage(), ex);
        }

        IsReadOnly = true;
    }

    /// <summary>A clear exception for a write that failed for lack of room or of write access; null for anything else.</summary>
    private IOException? ExplainWriteFailure(SqliteException exception) => exception.SqliteErrorCode switch
    {
        SqliteFull => new IndexStorageFullException(_maxMegabytes is { } limit
            ? $"disk full: the index {DatabasePath} has no room left (the disk is full, or the index reached DocRag:Storage:MaxDatabaseMegabytes = {limit} MiB); nothing was lost: free space or raise the limit, then sync again"
            : $"disk full: the index {DatabasePath} has no room left on its disk; nothing was lost: free space, then sync again",
            exception),
        SqliteReadOnly => new IndexReadOnlyException(ReadOnlyMessage(), exception),
        _ => null,
    };

    /// <summary>Throws the clear read-only error when the index was opened read-only: for callers that would only write.</summary>
    /// <exception cref="IndexReadOnlyException">The index is read-only.</exception>
    public async Task EnsureWritableAsync(CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        if (IsReadOnly)
        {
            throw new IndexReadOnlyException(ReadOnlyMessage());
        }
    }

    private string ReadOnlyMessage() =>
        $"the index {DatabasePath} is read-only (a read-only file system, or no write permission on {Path.GetDirectoryName(DatabasePath)}); nothing was changed: give DocRag write access to its data folder to index again";
}
