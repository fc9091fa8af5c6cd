using System.Globalization;
using DocRag.Core.Embeddings;

namespace DocRag.Bench;

/// <summary>The report: a markdown table ready for docs/BENCHMARKS.md.</summary>
internal sealed partial class EmbeddingThroughputBenchmark
{
    private static void Report(OnnxEmbeddingGenerator generator, int batch, int tokens, int threads, Samples samples)
    {
        string Line(string name, List<double> times) => string.Create(
            CultureInfo.InvariantCulture,
            $"| {name} | {Samples.Median(times):F1} | {times.Min():F1} | {batch * 1000 / Samples.Median(times):F1} |");

        Console.WriteLine($"model: {generator.Folder.ModelPath} ({generator.ModelId}), {generator.Dimensions} dimensions");
        Console.WriteLine($"ONNX Runtime {OnnxEnvironment.Version} (Microsoft.ML.OnnxRuntime); batch {batch} x {tokens} tokens; {threads} intra-op threads; {samples.Node.Count} turns");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lowest cosine of DocRag's and node's first vector: {samples.MinCosine:F6}"));
        Console.WriteLine();
        Console.WriteLine("| runner | median ms/batch | best ms/batch | texts/s (median) |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        Console.WriteLine(Line("DocRag OnnxEmbeddingGenerator (tokenize, run, pool)", samples.DocRag));
        Console.WriteLine(Line("ORT C# API only (run, pool)", samples.Binding));
        Console.WriteLine(Line("onnxruntime-node 1.30.0 (run, pool)", samples.Node));
        Console.WriteLine();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"speed vs node, median of per-turn ratios: DocRag embedder {Samples.PairedRatio(samples.DocRag, samples.Node):F3}x, ORT C# API alone {Samples.PairedRatio(samples.Binding, samples.Node):F3}x (target >= 0.95x)"));
    }
}
