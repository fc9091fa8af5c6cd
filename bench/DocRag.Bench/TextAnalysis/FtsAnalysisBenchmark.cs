using System.Diagnostics;
using DocRag.Core.Text;

namespace DocRag.Bench.TextAnalysis;

/// <summary>
/// Keyword retrieval with DocRag's text analysis against plain FTS5 porter, on SciFact (nDCG@10) and XQuAD-es
/// (paragraph Recall@1/@5), for several analysis settings. Data from <c>--data DIR</c> or <c>DOCRAG_TEST_DATA</c>.
/// <c>--half dev|test</c> keeps one half of the queries, split as the retrieval-quality benchmark splits them (alternating
/// in id order), so the baselines can be read against the held-out half of the ranking that was tuned on the other.
/// </summary>
internal sealed class FtsAnalysisBenchmark : IBenchmarkRun
{
    private const int Depth = 100;

    public string Name => "fts-analysis";

    public string Description => "keyword retrieval quality of the text analysis variants (SciFact, XQuAD-es); --half dev|test";

    public Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var options = new BenchArgs(args);
        var data = options.Get("--data") ?? Environment.GetEnvironmentVariable("DOCRAG_TEST_DATA");
        if (string.IsNullOrWhiteSpace(data) || !Directory.Exists(data))
        {
            Console.Error.WriteLine("fts-analysis needs the shared data folder: --data DIR or DOCRAG_TEST_DATA");
            return Task.FromResult(2);
        }

        var half = options.Get("--half");
        if (half is not null and not "dev" and not "test")
        {
            Console.Error.WriteLine("--half takes dev or test");
            return Task.FromResult(2);
        }

        EvalSet[] sets =
        [
            Half(EvalSetLoader.LoadBeir(Path.Combine(data, "scifact"), TextLanguage.English), half),
            Half(EvalSetLoader.LoadSquad(Path.Combine(data, "xquad", "xquad.es.json"), TextLanguage.Spanish), half),
        ];
        foreach (var set in sets)
        {
            ReportLanguages(set);
        }

        Console.WriteLine();
        Console.WriteLine("| variant | SciFact nDCG@10 | SciFact R@100 | XQuAD-es R@1 | XQuAD-es R@5 | XQuAD-es MRR@10 |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var variant in Variants())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sw = Stopwatch.StartNew();
            var scifact = Evaluate(sets[0], variant);
            var xquad = Evaluate(sets[1], variant);
            Console.WriteLine(
                $"| {variant.Name} | {scifact.Ndcg10:F3} | {scifact.Recall100:F3} | {xquad.Recall1:F3} | {xquad.Recall5:F3} | {xquad.Mrr10:F3} |");
            Console.Error.WriteLine($"  ({variant.Name}: {sw.Elapsed.TotalSeconds:F1} s)");
        }

        return Task.FromResult(0);
    }

    /// <summary>Queries in id order, alternating: dev takes the even positions, test the odd ones; null keeps all.</summary>
    private static EvalSet Half(EvalSet set, string? half)
    {
        if (half is null)
        {
            return set;
        }

        var keep = half == "dev" ? 0 : 1;
        return set with { Queries = [.. set.Queries.OrderBy(q => q.Id, StringComparer.Ordinal).Where((_, i) => i % 2 == keep)] };
    }

    private static IEnumerable<FtsAnalysisVariant> Variants() =>
    [
        new("FTS5 porter over raw text (reference)", null),
        new("FTS5 porter, title weight 2", null, TitleWeight: 2),
        new("DocRag analysis (default)", TextAnalyzer.Default),
        new("default, title weight 2", TextAnalyzer.Default, TitleWeight: 2),
        new("default, title weight 3", TextAnalyzer.Default, TitleWeight: 3),
        new("default, title weight 5", TextAnalyzer.Default, TitleWeight: 5),
        new("no stop words removed", new TextAnalyzer(removeStopWords: false)),
        new("no stemming", new TextAnalyzer(stem: false)),
        new("neither stop words nor stemming", new TextAnalyzer(removeStopWords: false, stem: false)),
        new("English and Spanish stems for every query word", new TextAnalyzer(alwaysCrossLanguage: true)),
        new("documents in the known language (no detection)", TextAnalyzer.Default, KnownLanguage: true),
        new("AND first, then OR to fill", TextAnalyzer.Default, AllThenAny: true),
        new("FTS5 porter, queries typed without accents", null, QueriesWithoutAccents: true),
        new("default, queries typed without accents", TextAnalyzer.Default, QueriesWithoutAccents: true),
    ];

    private static (double Ndcg10, double Recall100, double Recall1, double Recall5, double Mrr10) Evaluate(EvalSet set, FtsAnalysisVariant variant)
    {
        using var index = new FtsExperimentIndex(
            variant.Analyzer is null ? "porter unicode61 remove_diacritics 2" : "unicode61 remove_diacritics 2", variant.TitleWeight);
        index.Add(set.Documents.Select(d => Analyse(d, set, variant)));
        double ndcg = 0, recall100 = 0, recall1 = 0, recall5 = 0, mrr = 0;
        foreach (var query in set.Queries)
        {
            var ranked = Search(index, query.Text, variant);
            ndcg += RetrievalMetrics.Ndcg(ranked, query.Relevant, 10);
            recall100 += RetrievalMetrics.Recall(ranked, query.Relevant, 100);
            recall1 += RetrievalMetrics.Recall(ranked, query.Relevant, 1);
            recall5 += RetrievalMetrics.Recall(ranked, query.Relevant, 5);
            mrr += RetrievalMetrics.ReciprocalRank(ranked, query.Relevant, 10);
        }

        double n = set.Queries.Count;
        return (ndcg / n, recall100 / n, recall1 / n, recall5 / n, mrr / n);
    }

    private static (long, string, string) Analyse(EvalDocument document, EvalSet set, FtsAnalysisVariant variant)
    {
        if (variant.Analyzer is null)
        {
            return (document.RowId, document.Title, document.Text);
        }

        var language = variant.KnownLanguage ? set.Language : LanguageDetector.Detect(document.Title + "\n" + document.Text);
        return (document.RowId, variant.Analyzer.ForIndex(document.Title, language), variant.Analyzer.ForIndex(document.Text, language));
    }

    private static List<long> Search(FtsExperimentIndex index, string text, FtsAnalysisVariant variant)
    {
        if (variant.QueriesWithoutAccents)
        {
            text = WithoutAccents(text);
        }

        if (variant.Analyzer is null)
        {
            var words = SearchText.Words(text).Distinct(StringComparer.Ordinal).Select(FtsQuery.Quote).ToList();
            return words.Count == 0 ? [] : index.Search(string.Join(" OR ", words), Depth);
        }

        var query = variant.Analyzer.ForQuery(text);
        if (query is null)
        {
            return [];
        }

        if (!variant.AllThenAny)
        {
            return index.Search(query.MatchAny, Depth);
        }

        var ranked = index.Search(query.MatchAll, Depth);
        var seen = ranked.ToHashSet();
        ranked.AddRange(index.Search(query.MatchAny, Depth).Where(seen.Add).Take(Depth - ranked.Count));
        return ranked;
    }

    /// <summary>The text with á é í ó ú (and upper case) written as plain vowels; ñ and ü stay.</summary>
    private static string WithoutAccents(string text) => string.Concat(text.Select(c => c switch
    {
        'á' or 'é' or 'í' or 'ó' or 'ú' or 'Á' or 'É' or 'Í' or 'Ó' or 'Ú' => TextFolding.Fold(c.ToString())[0],
        _ => c,
    }));

    private static void ReportLanguages(EvalSet set)
    {
        static string Counts(IEnumerable<string> texts) => string.Join(", ", texts
            .GroupBy(LanguageDetector.Detect)
            .OrderBy(g => g.Key)
            .Select(g => $"{g.Key.ToCode()} {g.Count()}"));

        Console.WriteLine($"{set.Name}: {set.Documents.Count} documents ({Counts(set.Documents.Select(d => d.Title + "\n" + d.Text))}), "
            + $"{set.Queries.Count} queries ({Counts(set.Queries.Select(q => q.Text))})");
    }
}
