using System.Diagnostics;
using System.Globalization;
using DocRag.TestSupport;

namespace DocRag.Bench;

/// <summary>
/// Chunks per second end to end (parse, chunk, embed, store) with the embedder AddDocRag registers for the configured
/// models folder (the embedding model is found as the server finds it). Without one, reports the keyword-only rate.
/// </summary>
internal sealed class IngestEmbedBenchmark : IBenchmarkRun
{
    public string Name => "ingest-embed";

    public string Description => "chunks/s end to end with the configured embedder [--docs DIR] [--models DIR] [--set Key=Value]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (BenchArgs.DocsFolder(args) is not { } docs)
        {
            Console.Error.WriteLine("set DOCRAG_TEST_DATA or pass --docs FOLDER");
            return 2;
        }

        using var data = new TempDirectory("docrag-bench-data");
        using var index = new BenchIndex(data.Path, args);
        var clock = Stopwatch.StartNew();
        var report = await index.Sync.SyncAsync(docs, "bench", null, cancellationToken).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        var stats = await index.Store.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"embedder: {(stats.EmbeddingModel is { } model ? model.ToString() : "none (keyword-only)")}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"files {report.Scanned}, chunks {report.Chunks}, vectors {stats.Vectors}, {seconds:F2} s, chunks/s {report.Chunks / seconds:F1}"));
        return 0;
    }
}
