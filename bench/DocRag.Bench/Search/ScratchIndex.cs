using DocRag.Bench.TextAnalysis;
using DocRag.Core.Storage;
using DocRag.TestSupport;

namespace DocRag.Bench.Search;

/// <summary>An evaluation set in a throwaway index file, with each stored document's row id in the set.</summary>
internal sealed class ScratchIndex : IDisposable
{
    private readonly TempDirectory _directory = new("docrag-quality");

    public ScratchIndex(EvalSet set)
    {
        Set = set;
        Store = new IndexStore(_directory.Combine("index.db"));
    }

    public EvalSet Set { get; }

    public IndexStore Store { get; }

    public Dictionary<DocumentId, long> RowOf { get; } = [];

    public void Dispose()
    {
        Store.Dispose();
        _directory.Dispose();
    }
}
