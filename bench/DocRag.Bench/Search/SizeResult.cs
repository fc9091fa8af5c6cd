using DocRag.Core.Retrieval;

namespace DocRag.Bench.Search;

/// <summary>What the search benchmark measured at one index size.</summary>
internal sealed class SizeResult(int chunks, TimeSpan load, long indexBytes, long managedBytes)
{
    public int Chunks { get; } = chunks;

    public TimeSpan Load { get; } = load;

    public long IndexBytes { get; } = indexBytes;

    public long ManagedBytes { get; } = managedBytes;

    public Dictionary<SearchMode, LatencyStats> Search { get; } = [];

    public Dictionary<SearchMode, SearchTimings> Parts { get; } = [];

    public LatencyStats? HybridFiltered { get; set; }

    public LatencyStats? Scan { get; set; }

    public LatencyStats? SqliteVec { get; set; }

    public string? SqliteVecVersion { get; set; }

    public double? TopTenAgreement { get; set; }
}
