using System.Diagnostics;
using DocRag.Core.Diagnostics;

namespace DocRag.Bench;

/// <summary>Time to load both native runtimes and the ggml backends (cold start cost of every process).</summary>
internal sealed class NativeLoadBenchmark : IBenchmarkRun
{
    public string Name => "native-load";

    public string Description => "cold load of ONNX Runtime and llama.cpp with its backends";

    public Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var sw = Stopwatch.StartNew();
        var report = RuntimeReport.Collect();
        sw.Stop();
        Console.WriteLine($"onnxruntime: {report.OnnxRuntime.Detail}");
        Console.WriteLine($"llama.cpp:   {report.LlamaCpp.Detail}");
        Console.WriteLine($"load time:   {sw.Elapsed.TotalMilliseconds:F1} ms");
        return Task.FromResult(report.OnnxRuntime.Loaded && report.LlamaCpp.Loaded ? 0 : 1);
    }
}
