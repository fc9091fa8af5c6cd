using System.Diagnostics;
using System.Globalization;
using DocRag.TestSupport;

namespace DocRag.Bench;

/// <summary>Re-sync of an unchanged folder of N small files (default 10,000): the fast path that a watcher runs often.</summary>
internal sealed class ResyncBenchmark : IBenchmarkRun
{
    public string Name => "resync";

    public string Description => "seconds to re-sync an unchanged 10,000-file folder [--files N] [--repeat N]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var files = int.Parse(BenchArgs.Value(args, "--files") ?? "10000", CultureInfo.InvariantCulture);
        var repeat = int.Parse(BenchArgs.Value(args, "--repeat") ?? "5", CultureInfo.InvariantCulture);
        using var folder = new TempDirectory("docrag-bench-folder");
        for (var i = 0; i < files; i++)
        {
            folder.WriteText($"d{i % 100:D2}/note{i:D5}.txt", $"Note {i}. It mentions topic {i % 37} and person {i % 101}.");
        }

        using var data = new TempDirectory("docrag-bench-data");
        using var index = new BenchIndex(data.Path, args);
        var clock = Stopwatch.StartNew();
        var first = await index.Sync.SyncAsync(folder.Path, "bench", null, cancellationToken).ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"initial index of {first.Scanned} files: {clock.Elapsed.TotalSeconds:F2} s ({first.Added} added, {first.Chunks} chunks)"));

        var times = new List<double>();
        for (var r = 0; r < repeat; r++)
        {
            clock.Restart();
            var again = await index.Sync.SyncAsync(folder.Path, "bench", null, cancellationToken).ConfigureAwait(false);
            times.Add(clock.Elapsed.TotalSeconds);
            if (again.Unchanged != files)
            {
                Console.Error.WriteLine($"expected {files} unchanged, got {again.Unchanged}");
                return 1;
            }
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"unchanged re-sync of {files} files: median {times[times.Count / 2]:F3} s, min {times[0]:F3} s, max {times[^1]:F3} s ({repeat} runs)"));
        return 0;
    }
}
