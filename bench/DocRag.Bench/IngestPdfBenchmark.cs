using System.Diagnostics;
using System.Globalization;
using DocRag.Core.Storage;
using DocRag.TestSupport;

namespace DocRag.Bench;

/// <summary>Pages per second for parse + chunk + store of the shared PDF set (keyword-only: no embedder involved).</summary>
internal sealed class IngestPdfBenchmark : IBenchmarkRun
{
    public string Name => "ingest-pdf";

    public string Description => "pages/s: parse+chunk+store of the shared PDFs [--docs DIR] [--set Key=Value]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (BenchArgs.DocsFolder(args) is not { } docs)
        {
            Console.Error.WriteLine("set DOCRAG_TEST_DATA or pass --docs FOLDER");
            return 2;
        }

        // Only the PDFs: a folder of links keeps the sync honest (real files, real poppler) without copying.
        using var pdfs = new TempDirectory("docrag-bench-pdf");
        foreach (var pdf in Directory.GetFiles(docs, "*.pdf", SearchOption.AllDirectories))
        {
            File.CreateSymbolicLink(Path.Combine(pdfs.Path, Path.GetRelativePath(docs, pdf).Replace('/', '_')), pdf);
        }

        using var data = new TempDirectory("docrag-bench-data");
        using var index = new BenchIndex(data.Path, [.. args, "--set", "DocRag:Ingestion:OcrEnabled=false"]);
        var clock = Stopwatch.StartNew();
        var report = await index.Sync.SyncAsync(pdfs.Path, "bench", null, cancellationToken).ConfigureAwait(false);
        clock.Stop();

        var documents = (await index.Store.ListDocumentsAsync(new DocumentQuery(Limit: 10_000), cancellationToken).ConfigureAwait(false)).Items;
        var pages = documents.Where(d => d.Status == DocumentStatus.Indexed).Sum(d => d.Pages);
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"files {report.Scanned}, indexed {documents.Count(d => d.Status == DocumentStatus.Indexed)}, failed {report.Failed}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pages {pages}, chunks {report.Chunks}, {seconds:F2} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pages/s {pages / seconds:F1}, chunks/s {report.Chunks / seconds:F1}"));
        return 0;
    }
}
