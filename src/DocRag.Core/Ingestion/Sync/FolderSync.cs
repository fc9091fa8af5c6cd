using DocRag.Core.Ingestion.Chunking;
using DocRag.Core.Ingestion.Parsers;
using DocRag.Core.Storage;
using DocRag.Core.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DocRag.Core.Ingestion.Sync;

/// <summary>
/// Keeps one collection equal to one folder: new and changed files (by SHA-256, size + mtime as the fast path) are
/// (re)indexed, unchanged ones skipped, renames and moves applied by hash without re-parsing or re-embedding, deleted
/// files removed. Parsing runs in parallel; embedding in batches across documents when an embedder is given
/// (keyword-only otherwise). One sync at a time per process; every document is its own transaction, so a cancelled
/// or killed run resumes where it stopped.
/// </summary>
public sealed partial class FolderSync : IDisposable
{
    private readonly IndexStore _store;
    private readonly DocumentReader _reader;
    private readonly IChunker _chunker;
    private readonly IngestionOptions _options;
    private readonly IndexingStatusTracker _status;
    private readonly ILogger<FolderSync> _logger;
    private readonly Func<CancellationToken, Task<IEmbeddingGenerator<string, Embedding<float>>?>> _embedderSource;
    private IEmbeddingGenerator<string, Embedding<float>>? _embedder;
    private ITokenCounter _tokenCounter = ApproximateTokenCounter.Instance;
    private string _chunkerSignature = string.Empty;
    private bool _embedderResolved;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public FolderSync(
        IndexStore store,
        DocumentReader reader,
        IChunker chunker,
        IOptions<IngestionOptions> options,
        IndexingStatusTracker status,
        ILogger<FolderSync> logger,
        IEmbeddingGenerator<string, Embedding<float>>? embedder = null)
        : this(store, reader, chunker, options, status, logger, _ => Task.FromResult(embedder))
    {
    }

    /// <summary>
    /// Takes the embedder from <paramref name="embedderSource"/> at the first sync, so a host can start before the
    /// embedding model has loaded; a null embedder means keyword-only indexing.
    /// </summary>
    public FolderSync(
        IndexStore store,
        DocumentReader reader,
        IChunker chunker,
        IOptions<IngestionOptions> options,
        IndexingStatusTracker status,
        ILogger<FolderSync> logger,
        Func<CancellationToken, Task<IEmbeddingGenerator<string, Embedding<float>>?>> embedderSource)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
        _chunker = chunker ?? throw new ArgumentNullException(nameof(chunker));
        _options = options?.Value ?? throw new ArgumentNullException(nameof(options));
        _status = status ?? throw new ArgumentNullException(nameof(status));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _embedderSource = embedderSource ?? throw new ArgumentNullException(nameof(embedderSource));
        UseEmbedder(null);
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>Brings the collection in line with <paramref name="folder"/> (named after the folder unless given).</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public async Task<SyncReport> SyncAsync(string folder, string? collection = null, IProgress<IndexingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"folder not found: {root}");
        }

        var name = string.IsNullOrWhiteSpace(collection) ? CollectionNames.FromFolder(root) : collection.Trim();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        var run = new SyncRun(name, root, progress, _status);
        _status.Started(run.Snapshot());
        try
        {
            await RunAsync(run, cancellationToken).ConfigureAwait(false);
            var report = run.Report();
            _status.Finished(report, null);
            Log.SyncFinished(_logger, name, report.Added, report.Updated, report.Moved, report.Deleted, report.Failed, report.Unchanged, report.Elapsed.TotalSeconds);
            return report;
        }
        catch (Exception ex)
        {
            _status.Finished(null, ex is OperationCanceledException ? "cancelled" : ex.Message);
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RunAsync(SyncRun run, CancellationToken cancellationToken)
    {
        if (!_embedderResolved)
        {
            UseEmbedder(await _embedderSource(cancellationToken).ConfigureAwait(false));
            _embedderResolved = true;
        }

        await _store.SetCollectionRootAsync(run.Collection, run.Root, cancellationToken).ConfigureAwait(false);
        await _store.EnsureFullTextAnalyzerAsync(cancellationToken).ConfigureAwait(false);
        var model = await PrepareModelAsync(run, cancellationToken).ConfigureAwait(false);
        var existing = (await _store.GetCollectionDocumentsAsync(run.Collection, cancellationToken).ConfigureAwait(false))
            .ToDictionary(d => d.Path, StringComparer.Ordinal);
        var scanned = FolderScanner.Scan(run.Root, _options.MaxFolderDepth, cancellationToken);
        run.Scanned = scanned.Count;
        run.Total = scanned.Count;
        run.Phase("comparing");

        var toCheck = new List<(ScannedFile File, StoredDocument? Document)>();
        foreach (var file in scanned)
        {
            existing.Remove(file.Path, out var document);
            if (document is not null && document.Fingerprint.Size == file.Size && document.Fingerprint.ModifiedUnixMs == file.ModifiedUnixMs && !IsStale(document))
            {
                run.Unchanged++;
                run.FileDone();
            }
            else
            {
                toCheck.Add((file, document));
            }
        }

        var work = await PlanAsync(run, toCheck, existing.Values.ToList(), cancellationToken).ConfigureAwait(false);
        run.Phase("indexing");
        await foreach (var prepared in EmbedAsync(PrepareAllAsync(work, run, cancellationToken), model, cancellationToken).ConfigureAwait(false))
        {
            await WriteAsync(prepared, run, model, cancellationToken).ConfigureAwait(false);
        }

        if (model is not null)
        {
            run.Phase("embedding");
            run.VectorsEmbedded = await EmbedMissingAsync(model, run, cancellationToken).ConfigureAwait(false);
        }

        run.Phase("done");
    }

    private void UseEmbedder(IEmbeddingGenerator<string, Embedding<float>>? embedder)
    {
        _embedder = embedder;
        var counter = embedder?.GetService<ITokenCounter>();
        _tokenCounter = counter ?? ApproximateTokenCounter.Instance;
        var counterName = counter is null ? "approx" : embedder!.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? counter.GetType().Name;
        _chunkerSignature = $"{counterName}|{_options.ChunkTokens}|{_options.ChunkOverlapPercent}";
    }

    /// <summary>Failed for a reason that may pass, or cut by other chunking settings: worth reading again even if unchanged.</summary>
    private bool IsStale(StoredDocument document) => document.Status == DocumentStatus.Failed
        ? ParseFailureKindExtensions.ParseCode(document.Error)?.IsTransient() == true
        : document.Chunker != _chunkerSignature;
}
