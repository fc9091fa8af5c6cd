using System.Diagnostics;
using System.Globalization;
using DocRag.Core.Embeddings;
using DocRag.Core.Retrieval;
using DocRag.TestSupport;
using DocRag.TestSupport.Onnx;

namespace DocRag.Bench.Search;

internal sealed partial class SearchLatencyBenchmark
{
    private static void PrintTables(List<SizeResult> rows)
    {
        Console.WriteLine();
        Console.WriteLine("SearchService.SearchAsync, top 10, ms p50 / p95 (query embedding excluded, see below):");
        Console.WriteLine();
        Console.WriteLine("| chunks | keyword | vector | hybrid | hybrid, one collection | hybrid parts (median: keyword / vector / fusion+fetch) |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var r in rows)
        {
            var parts = r.Parts[SearchMode.Hybrid];
            Console.WriteLine(Invariant($"| {r.Chunks:N0} | {r.Search[SearchMode.Keyword]} | {r.Search[SearchMode.Vector]} | {r.Search[SearchMode.Hybrid]} | {r.HybridFiltered} | {parts.Keyword.TotalMilliseconds:F2} / {parts.Vector.TotalMilliseconds:F2} / {parts.Fusion.TotalMilliseconds:F2} |"));
        }

        Console.WriteLine();
        Console.WriteLine("Exact vector search alone, top 100, ms p50 / p95; vector index load time and memory:");
        Console.WriteLine();
        Console.WriteLine("| chunks | in-memory matrix (DocRag) | sqlite-vec vec0 | top-10 agreement | load | index memory | managed heap growth |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in rows)
        {
            Console.WriteLine(Invariant($"| {r.Chunks:N0} | {r.Scan} | {(r.SqliteVec is null ? "-" : r.SqliteVec.ToString())} | {(r.TopTenAgreement is { } a ? $"{a:P0}" : "-")} | {r.Load.TotalSeconds:F1} s | {r.IndexBytes / 1048576.0:F0} MB | {r.ManagedBytes / 1048576.0:F0} MB |"));
        }

        if (rows.FirstOrDefault(r => r.SqliteVecVersion is not null) is { } withVersion)
        {
            Console.WriteLine($"sqlite-vec {withVersion.SqliteVecVersion} ({SqliteVecIndex.Package})");
        }
    }

    /// <summary>Query embedding time with a model of all-MiniLM-L6-v2's shape (random weights), one query at a time.</summary>
    private static async Task MeasureQueryEmbeddingAsync(BenchArgs options, SyntheticText text, int queries, int warmup, CancellationToken cancellationToken)
    {
        var tokenizer = Environment.GetEnvironmentVariable(TestEnvironment.ModelsVariable) is { Length: > 0 } models
            ? Path.Combine(models, "all-MiniLM-L6-v2-tokenizer")
            : null;
        var folder = options.Get("--model-dir") ?? Path.Combine(RepoPaths.Artifacts, tokenizer is null ? "minilm-l6-random" : "minilm-l6-random-minilm-tokenizer");
        if (!File.Exists(Path.Combine(folder, "model.onnx")))
        {
            Console.Error.WriteLine($"writing the MiniLM-L6-shaped model to {folder} ...");
            EmbeddingModelFolderWriter.Write(folder, new EmbeddingFolderSpec { Model = BertModelOptions.MiniLmL6, MaxSequenceLength = 512, TokenizerDirectory = tokenizer });
        }

        var threads = options.GetInt("--embed-threads", Math.Min(2, Environment.ProcessorCount));
        using var generator = OnnxEmbeddingGenerator.Load(folder, new EmbeddingOptions { ExecutionProvider = "cpu", IntraOpThreads = threads });
        var latencies = new List<double>();
        var tokens = new List<int>();
        for (var i = 0; i < warmup + queries; i++)
        {
            var query = text.Queries[i % text.Queries.Count];
            var started = Stopwatch.GetTimestamp();
            _ = await generator.GenerateAsync([query], EmbeddingPurposeExtensions.ForQuery(), cancellationToken).ConfigureAwait(false);
            if (i >= warmup)
            {
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                tokens.Add(generator.Tokenizer.Encode(query, 512).Length);
            }
        }

        Console.WriteLine();
        Console.WriteLine(Invariant($"Query embedding, MiniLM-L6-shaped ONNX model ({(tokenizer is null ? "generated small vocabulary" : "all-MiniLM-L6-v2 tokenizer")}), {threads} intra-op threads, median {new LatencyStats(tokens.Select(t => (double)t)).P50:F0} tokens per query: p50 / p95 {new LatencyStats(latencies)} ms"));
    }
}
