using Microsoft.Data.Sqlite;

namespace DocRag.Core.Storage;

/// <summary>
/// The index: one SQLite file (WAL) holding documents, chunks, vectors and the FTS5 index. Each document is written in
/// one transaction, so after a crash it is either fully indexed or absent. Safe to share across threads; writes from
/// this process are serialized, other processes are handled by SQLite's locking.
/// </summary>
public sealed partial class IndexStore : IDisposable
{
    private string _connectionString;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Lazy<Task> _ready;
    private readonly int? _maxMegabytes;

    public IndexStore(string databasePath)
        : this(databasePath, null)
    {
    }

    /// <param name="options">Limits on the file (<see cref="StorageOptions.MaxDatabaseMegabytes"/>); null: none.</param>
    public IndexStore(string databasePath, StorageOptions? options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = 60,
        }.ToString();
        _maxMegabytes = options?.MaxDatabaseMegabytes;
        _ready = new Lazy<Task>(InitializeOrExplainAsync);
    }

    /// <summary>Raised after each committed write of this process (other processes' writes show in <see cref="GetVersionAsync"/>).</summary>
    public event EventHandler<StoreChangedEventArgs>? Changed;

    public string DatabasePath { get; }

    /// <summary>
    /// True when the index could only be opened read-only (on read-only media, or without write permission): searches
    /// work, every write throws <see cref="IndexReadOnlyException"/>. Known once <see cref="EnsureCreatedAsync"/> has run.
    /// </summary>
    public bool IsReadOnly { get; private set; }

    /// <summary>The schema version this build writes.</summary>
    public static int SchemaVersion => SchemaMigrations.All.Count;

    /// <summary>Creates or migrates the database. Called on first use; call early to fail fast.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) => _ready.Value.WaitAsync(cancellationToken);

    /// <summary>
    /// A read connection for queries this API does not cover (retrieval's FTS5 bm25 SQL). The caller disposes it and must
    /// not write through it.
    /// </summary>
    public async Task<SqliteConnection> OpenReadConnectionAsync(CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return await OpenAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <c>PRAGMA integrity_check</c>: "ok" when the file is sound.</summary>
    public async Task<string> CheckIntegrityAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var lines = new List<string>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    public void Dispose()
    {
        _writeLock.Dispose();
        SqliteConnection.ClearAllPools();
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, null, "PRAGMA synchronous = NORMAL", cancellationToken).ConfigureAwait(false);
            if (_maxMegabytes is { } megabytes)
            {
                await LimitSizeAsync(connection, megabytes, cancellationToken).ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        using var connection = await OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL", CancellationToken.None).ConfigureAwait(false);
        var current = Convert.ToInt32(await ScalarAsync(connection, null, "PRAGMA user_version", CancellationToken.None).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        if (current > SchemaVersion)
        {
            throw new InvalidOperationException(
                $"the index {DatabasePath} has schema version {current}, newer than this DocRag's {SchemaVersion}; upgrade DocRag or use another --data folder");
        }

        for (var version = current; version < SchemaVersion; version++)
        {
            using var transaction = connection.BeginTransaction();
            await ExecuteAsync(connection, transaction, SchemaMigrations.All[version], CancellationToken.None).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, $"PRAGMA user_version = {version + 1}", CancellationToken.None).ConfigureAwait(false);
            transaction.Commit();
        }

        // SQLite falls back to read-only when the file or its folder cannot be written (a read-only mount).
        IsReadOnly = SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1;
    }

    private void OnChanged(long version, StoreChangeKind kind, DocumentId? document) =>
        Changed?.Invoke(this, new StoreChangedEventArgs(version, kind, document));
}
