using System.Diagnostics;
using System.Globalization;

namespace DocRag.Bench.Load;

/// <summary>
/// Load and soak on loopback: starts the built <c>docrag serve</c> over a folder (samples/docs by default), waits for
/// the index, then runs N closed-loop clients for D seconds against <c>/v1/search</c> (or a mix with <c>/v1/ask</c>,
/// generative when <c>--model</c> gives a GGUF), sampling the server's working set and managed heap every second.
/// Reports throughput, p50/p95/p99, status codes, errors, lost requests and memory (first vs last quartile).
/// </summary>
internal sealed partial class LoadBenchmark : IBenchmarkRun
{
    public string Name => "load";

    public string Description => "load/soak on loopback: N clients x D s on /v1/search (or mixed with /v1/ask) against docrag serve; latency, errors, memory";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var settings = LoadSettings.Parse(args);
        Console.WriteLine($"machine:  {MachineDescription()}");
        Console.WriteLine($"date:     {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}");
        Console.WriteLine($"workload: {settings.Workload}, {settings.Clients} clients, {settings.Duration.TotalSeconds:F0} s{(settings.Soak ? " (soak)" : "")}, warm-up {settings.Warmup.TotalSeconds:F0} s");
        Console.WriteLine($"docs:     {settings.Docs}; generator: {settings.Model ?? "none (extractive answers)"}");

        await using var server = LoadServer.Start(settings);
        var counts = await server.WaitIndexedAsync(cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"server:   {server.Address} (pid {server.ProcessId}), index {counts}");

        var clients = new LoadClients(server.Address, settings);
        if (settings.Warmup > TimeSpan.Zero)
        {
            await clients.RunAsync(new LoadTally(), settings.Warmup, cancellationToken).ConfigureAwait(false);
        }

        var tally = new LoadTally();
        var samples = new List<MemorySample>();
        using var stopSampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var clock = Stopwatch.StartNew();
        var sampler = SampleAsync(server, tally, samples, clock, settings.SampleInterval, stopSampling.Token);
        await clients.RunAsync(tally, settings.Duration, cancellationToken).ConfigureAwait(false);
        var elapsed = clock.Elapsed;
        await stopSampling.CancelAsync().ConfigureAwait(false);
        await sampler.ConfigureAwait(false);

        Report(settings, tally, samples, elapsed, server.HasExited);
        return tally.ServerErrors == 0 && tally.Lost == 0 && tally.BusyWithoutRetryAfter == 0 && !server.HasExited ? 0 : 1;
    }

    private static async Task SampleAsync(
        LoadServer server, LoadTally tally, List<MemorySample> samples, Stopwatch clock, TimeSpan interval, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var (workingSet, heap) = await server.ReadMemoryAsync(cancellationToken).ConfigureAwait(false);
                samples.Add(new MemorySample(clock.Elapsed, workingSet, heap, tally.Answered));
                await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (HttpRequestException ex)
            {
                Console.Error.WriteLine($"memory sample failed: {ex.Message}");
            }
        }
    }

    private static string MachineDescription()
    {
        var model = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        return string.Create(CultureInfo.InvariantCulture, $"{model ?? "unknown CPU"}, {Environment.ProcessorCount} logical CPUs, load average {load} at start");
    }
}
