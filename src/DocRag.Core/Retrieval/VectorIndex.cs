using DocRag.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DocRag.Core.Retrieval;

/// <summary>
/// Exact cosine search over every chunk vector of the index's current model, held in memory as one contiguous float
/// matrix (rows L2-normalised, so cosine is a dot product) scanned in parallel with System.Numerics.Tensors.
/// Loaded lazily by <see cref="EnsureCurrentAsync"/>, then kept in step with the store: this process's writes arrive
/// through <see cref="IndexStore.Changed"/> and are applied per document; a version the events do not explain (another
/// process wrote) reloads everything. Thread-safe: searches share a read lock, updates take it briefly to write.
/// </summary>
public sealed partial class VectorIndex : IDisposable
{
    private readonly IndexStore _store;
    private readonly int _threads;
    private readonly ILogger _logger;
    private readonly ReaderWriterLockSlim _rowsLock = new(LockRecursionPolicy.NoRecursion);
    private readonly SemaphoreSlim _updateLock = new(1, 1);

    public VectorIndex(IndexStore store, IOptions<RetrievalOptions> options, ILogger<VectorIndex> logger)
        : this(store, (options ?? throw new ArgumentNullException(nameof(options))).Value.VectorSearchThreads, logger)
    {
    }

    /// <param name="threads">Threads per scan; 0 for one per processor.</param>
    public VectorIndex(IndexStore store, int threads = 0, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        _store = store;
        _threads = threads == 0 ? Environment.ProcessorCount : threads;
        _logger = logger ?? NullLogger.Instance;
        _store.Changed += OnStoreChanged;
    }

    /// <summary>Below this many rows per thread the scan uses fewer threads (starting them costs more than they save).</summary>
    internal int MinRowsPerThread { get; init; } = 16_384;

    /// <summary>How many times every vector was read (the first load, model changes, other processes' writes): for tests.</summary>
    internal int FullLoads { get; private set; }

    /// <summary>The model whose vectors are loaded; null before the first load or when the index has none.</summary>
    public EmbeddingModelInfo? Model => Read(() => _model);

    /// <summary>How many vectors are loaded.</summary>
    public int Count => Read(() => _count);

    /// <summary>The store version the loaded vectors reflect; -1 before the first load.</summary>
    public long Version => Read(() => _version);

    /// <summary>Bytes held by the matrix, the row arrays and the document table (what 1M × 384 costs is in docs/BENCHMARKS.md).</summary>
    public long MemoryBytes => Read(() => ((long)_matrix.Length * sizeof(float)) + ((long)_chunkIds.Length * sizeof(long)) + ((long)_rowSlots.Length * sizeof(int))
        + (_documents.Length * 64L) + DocumentStringBytes());

    public void Dispose()
    {
        _store.Changed -= OnStoreChanged;
        _rowsLock.Dispose();
        _updateLock.Dispose();
    }

    private T Read<T>(Func<T> read)
    {
        _rowsLock.EnterReadLock();
        try
        {
            return read();
        }
        finally
        {
            _rowsLock.ExitReadLock();
        }
    }

    private void Write(Action write)
    {
        _rowsLock.EnterWriteLock();
        try
        {
            write();
        }
        finally
        {
            _rowsLock.ExitWriteLock();
        }
    }
}
