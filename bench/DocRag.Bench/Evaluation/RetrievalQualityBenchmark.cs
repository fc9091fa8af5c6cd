using System.Diagnostics;
using DocRag.Core.Evaluation;
using DocRag.Core.Retrieval;
using Microsoft.Extensions.Configuration;

namespace DocRag.Bench.Evaluation;

/// <summary>
/// Keyword retrieval quality of the product's search (scratch index, real chunking, <see cref="SearchService"/>) under
/// settings variants, on SciFact (nDCG@10, Recall@100) and XQuAD-es (paragraph Recall@1/@5, MRR@10), each split into
/// a dev half (tune on it) and a test half (report it): queries alternate between the halves in id order.
/// <c>--variants "default;titleWeight=2;..."</c> (settings as <c>docrag eval --compare</c> writes them).
/// </summary>
internal sealed class RetrievalQualityBenchmark : IBenchmarkRun
{
    public string Name => "retrieval-quality";

    public string Description => "keyword retrieval quality of search settings on SciFact and XQuAD-es, dev and test halves";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var options = new BenchArgs(args);
        var data = options.Get("--data") ?? Environment.GetEnvironmentVariable("DOCRAG_TEST_DATA");
        if (string.IsNullOrWhiteSpace(data) || !Directory.Exists(data))
        {
            Console.Error.WriteLine("retrieval-quality needs the shared data folder: --data DIR or DOCRAG_TEST_DATA");
            return 2;
        }

        var variants = (options.Get("--variants") ?? "default").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var baseline = EvaluationSettings.Default(SearchMode.Keyword);
        var sides = variants.Select(v => v == "default" ? baseline : EvaluationSettings.Parse(v, baseline)).ToArray();
        var runner = new EvaluationRunner(new ConfigurationBuilder().Build());
        var only = options.Get("--sets");
        var results = new Dictionary<string, (EvaluationReport Dev, EvaluationReport Test)[]>();
        foreach (var (name, kind, load) in Sets(data))
        {
            if (only is not null && !only.Contains(name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var set = load();
            var clock = Stopwatch.StartNew();
            var (dev, test) = Halves(set);
            var devReports = await runner.EvaluateSetAsync(kind, dev, sides, AskMode.Off, null, cancellationToken).ConfigureAwait(false);
            var testReports = await runner.EvaluateSetAsync(kind, test, sides, AskMode.Off, null, cancellationToken).ConfigureAwait(false);
            results[name] = [.. devReports.Zip(testReports)];
            Console.Error.WriteLine($"  ({name}: {sides.Length} variants in {clock.Elapsed.TotalSeconds:F0} s)");
        }

        Print(variants, results);
        return 0;
    }

    private static IEnumerable<(string Name, EvaluationKind Kind, Func<EvaluationSet> Load)> Sets(string data) =>
    [
        ("scifact", EvaluationKind.Beir, () => BeirLoader.Load(Path.Combine(data, "scifact"))),
        ("xquad-es", EvaluationKind.Squad, () => SquadLoader.Load(Path.Combine(data, "xquad", "xquad.es.json"))),
    ];

    /// <summary>Queries alternate between dev and test in id order, so both halves cover the whole set.</summary>
    private static (EvaluationSet Dev, EvaluationSet Test) Halves(EvaluationSet set)
    {
        var ordered = set.Queries.OrderBy(q => q.Id, StringComparer.Ordinal).ToArray();
        return (set with { Queries = ordered.Where((_, i) => i % 2 == 0).ToArray() }, set with { Queries = ordered.Where((_, i) => i % 2 == 1).ToArray() });
    }

    private static void Print(string[] variants, Dictionary<string, (EvaluationReport Dev, EvaluationReport Test)[]> results)
    {
        Console.WriteLine("| variant | SciFact nDCG@10 dev | test | all | SciFact R@100 all | XQuAD-es R@1 dev | test | all | XQuAD-es R@5 all | MRR@10 all | p50 ms |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (var i = 0; i < variants.Length; i++)
        {
            var cells = new List<string> { variants[i] };
            cells.AddRange(results.TryGetValue("scifact", out var s)
                ? [F(s[i].Dev.Ranking.NdcgAt10), F(s[i].Test.Ranking.NdcgAt10), F(All(s[i], r => r.NdcgAt10)), F(All(s[i], r => r.RecallAt100 ?? 0))]
                : ["", "", "", ""]);
            cells.AddRange(results.TryGetValue("xquad-es", out var x)
                ? [F(x[i].Dev.Ranking.RecallAt1), F(x[i].Test.Ranking.RecallAt1), F(All(x[i], r => r.RecallAt1)), F(All(x[i], r => r.RecallAt5)), F(All(x[i], r => r.MrrAt10))]
                : ["", "", "", "", ""]);
            var p50 = results.Values.Select(r => r[i].Test.Latency.P50Ms).DefaultIfEmpty().Max();
            cells.Add(p50.ToString("F1", System.Globalization.CultureInfo.InvariantCulture));
            Console.WriteLine("| " + string.Join(" | ", cells) + " |");
        }
    }

    /// <summary>The metric over all queries: the halves' means weighted by their query counts.</summary>
    private static double All((EvaluationReport Dev, EvaluationReport Test) pair, Func<RankingScores, double> metric) =>
        ((metric(pair.Dev.Ranking) * pair.Dev.Ranking.Queries) + (metric(pair.Test.Ranking) * pair.Test.Ranking.Queries))
        / (pair.Dev.Ranking.Queries + pair.Test.Ranking.Queries);

    private static string F(double value) => value.ToString("F3", System.Globalization.CultureInfo.InvariantCulture);
}
