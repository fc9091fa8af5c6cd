using System.Diagnostics;
using System.Globalization;
using DocRag.Core.Retrieval;
using DocRag.Core.Storage;

namespace DocRag.Bench.Search;

/// <summary>
/// Search latency (p50/p95) for keyword, vector and hybrid search through <see cref="SearchService"/> at 10k, 100k and
/// 1M chunks of 384 dimensions, the in-memory vector scan against sqlite-vec's vec0 at the same sizes, the vector
/// index's load time and memory, and query embedding time with a MiniLM-shaped generated model.
/// </summary>
internal sealed partial class SearchLatencyBenchmark : IBenchmarkRun
{
    public string Name => "search-latency";

    public string Description => "search p50/p95 (keyword, vector, hybrid) at 10k/100k/1M chunks, vs sqlite-vec; --sizes --queries --no-sqlite-vec";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var options = new BenchArgs(args);
        var sizes = (options.Get("--sizes") ?? "10000,100000,1000000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var dimension = options.GetInt("--dimension", 384);
        var queries = options.GetInt("--queries", 200);
        var warmup = options.GetInt("--warmup", 100);
        var cache = options.Get("--cache") ?? Path.Combine(RepoPaths.Artifacts, "search");
        var text = SyntheticText.Load(options.Get("--data") ?? Environment.GetEnvironmentVariable("DOCRAG_TEST_DATA"));
        var withVec = !options.Has("--no-sqlite-vec");
        var extension = withVec ? SqliteVecIndex.EnsureExtension(Path.Combine(RepoPaths.Artifacts, "sqlite-vec")) : null;

        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInfo()}; text: {text.Source}; {queries} queries per measurement after {warmup} warm-up");
        var rows = new List<SizeResult>();
        foreach (var size in sizes)
        {
            Console.Error.WriteLine($"{size:N0} chunks:");
            var path = await SyntheticIndex.EnsureAsync(cache, size, dimension, text, cancellationToken).ConfigureAwait(false);
            rows.Add(await MeasureSizeAsync(path, size, dimension, text, queries, warmup, extension, options.GetInt("--threads", 0), cancellationToken).ConfigureAwait(false));
            GC.Collect();
        }

        PrintTables(rows);
        await MeasureQueryEmbeddingAsync(options, text, queries, warmup, cancellationToken).ConfigureAwait(false);
        return 0;
    }

    private static async Task<SizeResult> MeasureSizeAsync(
        string path, int size, int dimension, SyntheticText text, int queries, int warmup, string? extension, int threads, CancellationToken cancellationToken)
    {
        using var store = new IndexStore(path);
        GC.Collect();
        var managedBefore = GC.GetTotalMemory(forceFullCollection: true);
        using var vectors = new VectorIndex(store, threads);
        var load = Stopwatch.StartNew();
        await vectors.EnsureCurrentAsync(cancellationToken).ConfigureAwait(false);
        load.Stop();
        var managedAfter = GC.GetTotalMemory(forceFullCollection: true);
        Console.Error.WriteLine($"  vector index: {vectors.Count:N0} vectors loaded in {load.Elapsed.TotalSeconds:F1} s, {vectors.MemoryBytes / 1048576.0:F0} MB");

        using var embedder = new RandomQueryEmbedder(SyntheticIndex.ModelId, dimension, seed: 5);
        var search = new SearchService(store, vectors, embedder, new RetrievalOptions());
        var result = new SizeResult(size, load.Elapsed, vectors.MemoryBytes, managedAfter - managedBefore);

        // Every mode's code paths warm (tiered JIT promotes methods after some calls) before any is timed.
        for (var i = 0; i < warmup; i++)
        {
            foreach (var mode in new[] { SearchMode.Keyword, SearchMode.Vector, SearchMode.Hybrid })
            {
                await search.SearchAsync(new SearchRequest(text.Queries[(i * 7) % text.Queries.Count], 10, mode, i % 2 == 0 ? null : SyntheticIndex.Collections[0]), cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var mode in new[] { SearchMode.Keyword, SearchMode.Vector, SearchMode.Hybrid })
        {
            var (latency, parts) = await TimeSearchAsync(search, text, mode, null, queries, warmup: 0, cancellationToken).ConfigureAwait(false);
            result.Search[mode] = latency;
            result.Parts[mode] = parts;
            Console.Error.WriteLine(Invariant($"  {mode}: {latency} ms; median parts: keyword {parts.Keyword.TotalMilliseconds:F2}, embedding {parts.Embedding.TotalMilliseconds:F2}, vector {parts.Vector.TotalMilliseconds:F2}, fusion+fetch {parts.Fusion.TotalMilliseconds:F2}, total {parts.Total.TotalMilliseconds:F2}"));
        }

        result.HybridFiltered = (await TimeSearchAsync(search, text, SearchMode.Hybrid, SyntheticIndex.Collections[0], queries, warmup: 0, cancellationToken).ConfigureAwait(false)).Latency;
        var random = new Random(9);
        var probes = Enumerable.Range(0, queries + warmup).Select(_ => SyntheticIndex.UnitVector(random, dimension)).ToArray();
        result.Scan = Time(probes, warmup, q => vectors.Search(q, 100));
        if (extension is not null)
        {
            // sqlite-vec scans on one thread (about 1.5 s a query at a million): fewer probes.
            MeasureSqliteVec(path, dimension, extension, vectors, probes.Take(55).ToArray(), 5, result);
        }

        Console.Error.WriteLine($"  keyword {result.Search[SearchMode.Keyword]}, vector {result.Search[SearchMode.Vector]}, hybrid {result.Search[SearchMode.Hybrid]} ms (p50 / p95)");
        return result;
    }

    private static void MeasureSqliteVec(string path, int dimension, string extension, VectorIndex vectors, float[][] probes, int warmup, SizeResult result)
    {
        using var vec = new SqliteVecIndex(SqliteVecIndex.Ensure(path, dimension, extension), extension);
        result.SqliteVecVersion = vec.Version;
        result.SqliteVec = Time(probes, warmup, q => vec.Search(q, 100));
        // Both are exact: their top 10s must agree (ties aside), which checks that the two hold the same vectors.
        var agree = probes.Take(20).Average(q =>
            vec.Search(q, 10).Select(h => h.ChunkId).Intersect(vectors.Search(q, 10).Select(h => h.ChunkId.Value)).Count() / 10.0);
        result.TopTenAgreement = agree;
    }

    private static async Task<(LatencyStats Latency, SearchTimings Parts)> TimeSearchAsync(
        SearchService search, SyntheticText text, SearchMode mode, string? collection, int queries, int warmup, CancellationToken cancellationToken)
    {
        var latencies = new List<double>();
        var parts = new List<SearchTimings>();
        for (var i = 0; i < warmup + queries; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var result = await search.SearchAsync(new SearchRequest(text.Queries[i % text.Queries.Count], 10, mode, collection), cancellationToken).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (i >= warmup)
            {
                latencies.Add(elapsed);
                parts.Add(result.Timings);
            }
        }

        static TimeSpan Median(IEnumerable<TimeSpan> values) => TimeSpan.FromMilliseconds(new LatencyStats(values.Select(v => v.TotalMilliseconds)).P50);
        return (new LatencyStats(latencies), new SearchTimings(
            Median(parts.Select(p => p.Keyword)), Median(parts.Select(p => p.Embedding)), Median(parts.Select(p => p.Vector)),
            Median(parts.Select(p => p.Fusion)), Median(parts.Select(p => p.Total))));
    }

    private static LatencyStats Time<T>(float[][] probes, int warmup, Func<float[], T> search)
    {
        var latencies = new List<double>();
        for (var i = 0; i < probes.Length; i++)
        {
            var started = Stopwatch.GetTimestamp();
            _ = search(probes[i]);
            if (i >= warmup)
            {
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        return new LatencyStats(latencies);
    }

    private static string Invariant(FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string RuntimeInfo() =>
        $"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}";
}
