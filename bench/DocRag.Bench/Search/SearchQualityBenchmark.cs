using System.Diagnostics;
using System.Globalization;
using DocRag.Bench.TextAnalysis;
using DocRag.Core.Ingestion.Chunking;
using DocRag.Core.Ingestion.Parsers;
using DocRag.Core.Retrieval;
using DocRag.Core.Storage;
using DocRag.Core.Text;
using DocRag.TestSupport;

namespace DocRag.Bench.Search;

/// <summary>
/// Keyword retrieval quality of <see cref="SearchService"/> itself (field weights, row budget, crowding) on SciFact and
/// XQuAD-es: each document chunked by the product's chunker (300 tokens, 15% overlap) into a scratch index, chunk hits
/// folded into documents by their best chunk. A check on the ranking's settings; <c>docrag eval</c> is the user's tool.
/// </summary>
internal sealed class SearchQualityBenchmark : IBenchmarkRun
{
    public string Name => "search-quality";

    public string Description => "SearchService keyword quality on SciFact / XQuAD-es for a few retrieval settings (--data DIR)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var data = BenchArgs.Value(args, "--data") ?? Environment.GetEnvironmentVariable("DOCRAG_TEST_DATA");
        if (string.IsNullOrWhiteSpace(data) || !Directory.Exists(data))
        {
            Console.Error.WriteLine("search-quality needs the shared data folder: --data DIR or DOCRAG_TEST_DATA");
            return 2;
        }

        (string Name, RetrievalOptions Options)[] variants =
        [
            ("default (title 3, heading 1.5, row budget 1000, 3 chunks per document)", new RetrievalOptions()),
            ("exact bm25 (no row budget)", new RetrievalOptions { KeywordRowBudget = 0 }),
            ("row budget 250", new RetrievalOptions { KeywordRowBudget = 250 }),
            ("title weight 1", new RetrievalOptions { TitleWeight = 1 }),
            ("no crowding limit", new RetrievalOptions { MaxChunksPerDocument = 0 }),
        ];
        using var scifact = await IndexAsync(EvalSetLoader.LoadBeir(Path.Combine(data, "scifact"), TextLanguage.English), cancellationToken).ConfigureAwait(false);
        using var xquad = await IndexAsync(EvalSetLoader.LoadSquad(Path.Combine(data, "xquad", "xquad.es.json"), TextLanguage.Spanish), cancellationToken).ConfigureAwait(false);
        Console.WriteLine("| settings | SciFact nDCG@10 | SciFact R@100 | XQuAD-es R@1 | XQuAD-es R@5 | XQuAD-es MRR@10 |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (name, options) in variants)
        {
            var s = await EvaluateAsync(scifact, options, cancellationToken).ConfigureAwait(false);
            var x = await EvaluateAsync(xquad, options, cancellationToken).ConfigureAwait(false);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {s.Ndcg10:F3} | {s.Recall100:F3} | {x.Recall1:F3} | {x.Recall5:F3} | {x.Mrr10:F3} |"));
        }

        return 0;
    }

    private static async Task<ScratchIndex> IndexAsync(EvalSet set, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var index = new ScratchIndex(set);
        var chunker = new StructuredChunker(new ChunkingOptions(300, 45));
        foreach (var document in set.Documents)
        {
            var parsed = new ParsedDocument(document.Title.Length > 0 ? document.Title : null, 1, set.Language, [new DocumentBlock(document.Text, 1, [], BlockKind.Paragraph)]);
            var chunks = chunker.Chunk(parsed, ApproximateTokenCounter.Instance);
            var id = await index.Store.SaveDocumentAsync(new DocumentWrite(
                $"/eval/{set.Name}/{document.RowId}.txt", set.Name, new FileFingerprint(document.RowId.ToString(CultureInfo.InvariantCulture), 1, 1), "txt",
                parsed.Title, 1, set.Language, null, null, chunks), cancellationToken).ConfigureAwait(false);
            index.RowOf[id] = document.RowId;
        }

        Console.Error.WriteLine($"{set.Name}: {set.Documents.Count} documents indexed in {started.Elapsed.TotalSeconds:F1} s");
        return index;
    }

    private static async Task<(double Ndcg10, double Recall100, double Recall1, double Recall5, double Mrr10)> EvaluateAsync(
        ScratchIndex index, RetrievalOptions options, CancellationToken cancellationToken)
    {
        using var vectors = new VectorIndex(index.Store);
        var search = new SearchService(index.Store, vectors, null, options);
        double ndcg = 0, r100 = 0, r1 = 0, r5 = 0, mrr = 0;
        foreach (var query in index.Set.Queries)
        {
            var result = await search.SearchAsync(new SearchRequest(query.Text, SearchRequest.MaxTopK, SearchMode.Keyword), cancellationToken).ConfigureAwait(false);
            var ranked = result.Hits.Select(h => index.RowOf[h.DocumentId]).Distinct().ToList();
            ndcg += RetrievalMetrics.Ndcg(ranked, query.Relevant, 10);
            r100 += RetrievalMetrics.Recall(ranked, query.Relevant, 100);
            r1 += RetrievalMetrics.Recall(ranked, query.Relevant, 1);
            r5 += RetrievalMetrics.Recall(ranked, query.Relevant, 5);
            mrr += RetrievalMetrics.ReciprocalRank(ranked, query.Relevant, 10);
        }

        var n = index.Set.Queries.Count;
        return (ndcg / n, r100 / n, r1 / n, r5 / n, mrr / n);
    }
}
