using DocRag.Bench;
using DocRag.Bench.Evaluation;
using DocRag.Bench.Load;
using DocRag.Bench.Search;
using DocRag.Bench.TextAnalysis;

IBenchmarkRun[] runs =
[
    new NativeLoadBenchmark(),
    new TokenizerBenchmark(),
    new FtsAnalysisBenchmark(),
    new RetrievalQualityBenchmark(),
    new FusionStudyBenchmark(),
    new WriteModelRun(),
    new EmbeddingThroughputBenchmark(),
    new IngestPdfBenchmark(),
    new ResyncBenchmark(),
    new IngestEmbedBenchmark(),
    new GenerationBenchmark(),
    new SearchLatencyBenchmark(),
    new SearchQualityBenchmark(),
    new VectorPrecisionBenchmark(),
    new LoadBenchmark(),
];

var selected = args.Length > 0 ? runs.FirstOrDefault(r => r.Name == args[0]) : null;
if (selected is null)
{
    Console.Error.WriteLine("usage: DocRag.Bench NAME [options]");
    foreach (var run in runs)
    {
        Console.Error.WriteLine($"  {run.Name,-24} {run.Description}");
    }

    return args.Length == 0 ? 0 : 2;
}

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cts.Cancel();
};
return await selected.RunAsync(args.Skip(1).ToArray(), cts.Token).ConfigureAwait(false);
