using System.Globalization;

namespace DocRag.Bench.Load;

/// <summary>The report: requests, latency per endpoint, status codes, errors, memory over time.</summary>
internal sealed partial class LoadBenchmark
{
    private static void Report(LoadSettings settings, LoadTally tally, IReadOnlyList<MemorySample> samples, TimeSpan elapsed, bool serverExited)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        var window = settings.Duration;
        Console.WriteLine(string.Create(c, $"requests: sent {tally.Sent}, answered {tally.Answered}, lost {tally.Lost}, 5xx {tally.ServerErrors}; sending stopped at {window.TotalSeconds:F0} s, the last answer came at {elapsed.TotalSeconds:F1} s{(serverExited ? "; THE SERVER EXITED" : "")}"));
        Console.WriteLine();
        Console.WriteLine("| endpoint | 2xx | 429 | other 4xx | 5xx | throughput (2xx/s within the window) | p50 ms | p95 ms | p99 ms |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var kind in Enum.GetValues<LoadRequestKind>())
        {
            var ok = tally.Count(kind, s => s is >= 200 and < 300);
            var busy = tally.Count(kind, s => s == 429);
            var other = tally.Count(kind, s => s is >= 400 and < 500 and not 429);
            var failed = tally.Count(kind, s => s >= 500);
            if (ok + busy + other + failed == 0)
            {
                continue;
            }

            var latency = tally.Latency(kind);
            var path = kind == LoadRequestKind.Ask ? "/v1/ask" : "/v1/search";
            Console.WriteLine(string.Create(c, $"| {path} | {ok} | {busy} | {other} | {failed} | {tally.SucceededWithin(kind, window) / window.TotalSeconds:F1} | {latency.P50:F1} | {latency.P95:F1} | {latency.Percentile(99):F1} |"));
        }

        Console.WriteLine();
        Console.WriteLine("status codes: " + string.Join(", ", tally.Statuses.Select(s => string.Create(c, $"{s.Kind.ToString().ToLowerInvariant()} {s.Status} x{s.Count}"))));
        if (tally.BusyWithoutRetryAfter > 0)
        {
            Console.WriteLine(string.Create(c, $"429 WITHOUT Retry-After: {tally.BusyWithoutRetryAfter}"));
        }

        foreach (var ((kind, status), body) in tally.FirstFailureBodies.OrderBy(f => f.Key.Kind).ThenBy(f => f.Key.Status))
        {
            Console.WriteLine(string.Create(c, $"first {kind.ToString().ToLowerInvariant()} {status}: {body}"));
        }

        Console.WriteLine(tally.Errors.Count == 0
            ? "transport errors: none"
            : "transport errors: " + string.Join("; ", tally.Errors.Select(e => string.Create(c, $"{e.Key} x{e.Value}"))));
        ReportMemory(samples, settings.Soak ? 10 : 4);
    }

    /// <summary>Memory in equal time slices (mean per slice), then first vs last quartile.</summary>
    private static void ReportMemory(IReadOnlyList<MemorySample> samples, int slices)
    {
        var c = CultureInfo.InvariantCulture;
        if (samples.Count < 8)
        {
            Console.WriteLine("memory: too few samples");
            return;
        }

        Console.WriteLine();
        Console.WriteLine("| time (s) | working set MiB (mean, max) | GC heap MiB (mean, max) | answered req/s |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (var slice in Slices(samples, slices))
        {
            var rate = (slice[^1].Answered - slice[0].Answered) / Math.Max(0.001, (slice[^1].Elapsed - slice[0].Elapsed).TotalSeconds);
            Console.WriteLine(string.Create(c,
                $"| {slice[0].Elapsed.TotalSeconds:F0}-{slice[^1].Elapsed.TotalSeconds:F0} | {MiB(slice.Average(s => s.WorkingSetBytes)):F1}, {MiB(slice.Max(s => s.WorkingSetBytes)):F1} | {Heap(slice)} | {rate:F1} |"));
        }

        var quartiles = Slices(samples, 4);
        var (first, last) = (quartiles[0], quartiles[^1]);
        var ws = Growth(first.Average(s => s.WorkingSetBytes), last.Average(s => s.WorkingSetBytes));
        Console.WriteLine();
        Console.WriteLine(string.Create(c,
            $"memory, first vs last quartile (means): working set {MiB(first.Average(s => s.WorkingSetBytes)):F1} -> {MiB(last.Average(s => s.WorkingSetBytes)):F1} MiB ({ws:+0.0;-0.0}%), GC heap {HeapMean(first)} -> {HeapMean(last)}"));
    }

    private static List<MemorySample[]> Slices(IReadOnlyList<MemorySample> samples, int count)
    {
        var size = Math.Max(2, samples.Count / count);
        return samples.Chunk(size).Where(s => s.Length >= 2).ToList();
    }

    private static string Heap(MemorySample[] slice)
    {
        var heaps = slice.Where(s => s.GcHeapBytes is not null).Select(s => (double)s.GcHeapBytes!.Value).ToArray();
        return heaps.Length == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{MiB(heaps.Average()):F1}, {MiB(heaps.Max()):F1}");
    }

    private static string HeapMean(MemorySample[] slice)
    {
        var heaps = slice.Where(s => s.GcHeapBytes is not null).Select(s => (double)s.GcHeapBytes!.Value).ToArray();
        return heaps.Length == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{MiB(heaps.Average()):F1} MiB");
    }

    private static double Growth(double first, double last) => first <= 0 ? 0 : (last - first) / first * 100;

    private static double MiB(double bytes) => bytes / (1024.0 * 1024);
}
