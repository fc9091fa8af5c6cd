namespace DocRag.Bench;

/// <summary>
/// Best and median rates, ratios against the peer and the verdict against the 0.95x target. On a shared machine other
/// load only ever slows a run down, so the best of the alternating rounds is the steadier estimate of what each side
/// can do; the verdict uses it and the medians are printed beside it.
/// </summary>
internal sealed partial class GenerationBenchmark
{
    private const double Target = 0.95;

    private static int Report(Dictionary<string, List<GenerationMeasurement>> results, GenerationBenchmarkSettings settings)
    {
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        (double Best, double Median) Stats(string key, Func<GenerationMeasurement, double> rate) =>
            results.TryGetValue(key, out var list) ? (list.Max(rate), Median(list.Select(rate))) : (double.NaN, double.NaN);

        var pp = Stats("docrag-pp", m => m.PromptRate);
        var tg = Stats("docrag-tg", m => m.OutputRate);
        var ppPeer = Stats("peer-pp", m => m.PromptRate);
        var tgPeer = Stats("peer-tg", m => m.OutputRate);
        Console.WriteLine();
        Console.WriteLine("| test | DocRag t/s best (median) | node-llama-cpp t/s best (median) | ratio best (median) |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        Console.WriteLine($"| pp{settings.PromptTokens} (prompt) | {pp.Best:F2} ({pp.Median:F2}) | {ppPeer.Best:F2} ({ppPeer.Median:F2}) | {pp.Best / ppPeer.Best:F3} ({pp.Median / ppPeer.Median:F3}) |");
        Console.WriteLine($"| tg{settings.OutputTokens} (output) | {tg.Best:F2} ({tg.Median:F2}) | {tgPeer.Best:F2} ({tgPeer.Median:F2}) | {tg.Best / tgPeer.Best:F3} ({tg.Median / tgPeer.Median:F3}) |");
        if (!settings.Peer)
        {
            return 0;
        }

        var met = pp.Best / ppPeer.Best >= Target && tg.Best / tgPeer.Best >= Target;
        Console.WriteLine();
        Console.WriteLine($"{settings.Rounds} alternating rounds; target DocRag >= {Target:F2}x the peer (best of rounds) for both: {(met ? "met" : "NOT met")}");
        return met ? 0 : 1;
    }
}
