using DocRag.Core.Ingestion;
using DocRag.Core.Ingestion.Chunking;
using DocRag.Core.Ingestion.Parsers;
using DocRag.Core.Ingestion.Sync;
using DocRag.Core.Storage;
using DocRag.Core.Tests.Ingestion.Parsers;
using DocRag.TestSupport;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DocRag.Core.Tests.Ingestion.Sync;

/// <summary>A real index file in a temp folder and the real sync over it; the embedder is a test one or none.</summary>
internal sealed class SyncHarness : IDisposable
{
    private readonly TempDirectory _data = new("docrag-index");

    public SyncHarness(IngestionOptions? options = null, string name = "index")
    {
        Options = options ?? new IngestionOptions { MaxParallelism = 2, ChunkTokens = 60, EmbeddingBatchSize = 7 };
        Store = new IndexStore(_data.Combine(name + ".db"));
    }

    public IngestionOptions Options { get; }

    public IndexStore Store { get; }

    public IndexingStatusTracker Status { get; } = new();

    public FolderSync CreateSync(IEmbeddingGenerator<string, Embedding<float>>? embedder = null, params IDocumentParser[] extraParsers) =>
        CreateSync(Store, Status, embedder, extraParsers);

    /// <summary>The sync over another store (one opened with other storage options).</summary>
    public FolderSync CreateSync(IndexStore store, IndexingStatusTracker status, IEmbeddingGenerator<string, Embedding<float>>? embedder, params IDocumentParser[] extraParsers) => new(
        store,
        new DocumentReader([.. extraParsers, .. ParserFactory.Parsers(Options)], Microsoft.Extensions.Options.Options.Create(Options), NullLogger<DocumentReader>.Instance),
        new StructuredChunker(ChunkingOptions.From(Options)),
        Microsoft.Extensions.Options.Options.Create(Options),
        status,
        NullLogger<FolderSync>.Instance,
        embedder);

    public async Task<SyncReport> SyncAsync(string folder, IEmbeddingGenerator<string, Embedding<float>>? embedder = null, string? collection = null)
    {
        using var sync = CreateSync(embedder);
        return await sync.SyncAsync(folder, collection);
    }

    public void Dispose()
    {
        Store.Dispose();
        _data.Dispose();
    }
}
