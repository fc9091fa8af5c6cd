using DocRag.Core.Retrieval;
using DocRag.Core.Storage;
using DocRag.Core.Tests.Ingestion.Sync;
using DocRag.TestSupport;
using Microsoft.Extensions.AI;

namespace DocRag.Core.Tests.Retrieval;

/// <summary>Real folders synced into a real index file by the real ingestion code, and search services over it.</summary>
internal sealed class SearchHarness : IDisposable
{
    private readonly SyncHarness _sync = new();
    private readonly List<IDisposable> _owned = [];

    public SearchHarness()
    {
        Engineering = new TempDirectory("docrag-eng");
        Policies = new TempDirectory("docrag-policies");
        _owned.Add(Engineering);
        _owned.Add(Policies);
        SearchCorpus.WriteEngineering(Engineering);
        SearchCorpus.WritePolicies(Policies);
    }

    public TempDirectory Engineering { get; }

    public TempDirectory Policies { get; }

    public IndexStore Store => _sync.Store;

    public async Task SyncAsync(IEmbeddingGenerator<string, Embedding<float>>? embedder = null)
    {
        await _sync.SyncAsync(Engineering.Path, embedder, "eng");
        await _sync.SyncAsync(Policies.Path, embedder, "policies");
    }

    public Task SyncFolderAsync(TempDirectory folder, string collection, IEmbeddingGenerator<string, Embedding<float>>? embedder = null) =>
        _sync.SyncAsync(folder.Path, embedder, collection);

    /// <summary>A search service with its own vector index (disposed with the harness).</summary>
    public SearchService CreateService(IEmbeddingGenerator<string, Embedding<float>>? embedder = null, RetrievalOptions? options = null)
    {
        var index = new VectorIndex(Store);
        _owned.Add(index);
        return new SearchService(Store, index, embedder, options ?? new RetrievalOptions());
    }

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        _sync.Dispose();
    }
}
