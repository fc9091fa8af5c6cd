using System.Diagnostics;
using LLama;
using LLama.Native;
using DocRag.TestSupport.Gguf;

namespace DocRag.Bench;

/// <summary>The benchmark model: Llama-3.2-1B's shape with seeded random F16 weights, quantised to Q4_K_M by llama.cpp.</summary>
internal sealed partial class GenerationBenchmark
{
    private static string EnsureBenchModel(GenerationBenchmarkSettings settings)
    {
        var shape = LlamaModelShape.Llama32_1B with { VocabularySize = settings.Vocabulary };
        var dir = Directory.CreateDirectory(settings.WorkDirectory).FullName;
        var stem = $"llama32-1b-shape-v{shape.VocabularySize}-seed1";
        var q4 = Path.Combine(dir, stem + "-q4_k_m.gguf");
        if (File.Exists(q4))
        {
            return q4;
        }

        var f16 = Path.Combine(dir, stem + "-f16.gguf");
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"writing {f16} ({shape.Parameters / 1e9:F2}B parameters, F16, random weights) ...");
        TestLlamaModel.Write(f16, shape, seed: 1, GgufTensorType.F16, chatTemplate: TestLlamaModel.ChatMlTemplate, name: "llama-3.2-1b-shaped-random");
        Console.WriteLine($"  {new FileInfo(f16).Length / (1024.0 * 1024):F0} MiB in {clock.Elapsed.TotalSeconds:F0} s; quantizing to Q4_K_M with llama_model_quantize ...");
        clock.Restart();
        var partial = q4 + ".part";
        DocRag.Native.Llama.LlamaBackend.EnsureLoaded(); // LLamaSharp resolves its native library on first NativeApi use
        if (!LLamaQuantizer.Quantize(f16, partial, LLamaFtype.MOSTLY_Q4_K_M, settings.Threads))
        {
            throw new InvalidOperationException($"llama.cpp could not quantize {f16}");
        }

        File.Move(partial, q4, overwrite: true);
        File.Delete(f16);
        Console.WriteLine($"  {new FileInfo(q4).Length / (1024.0 * 1024):F0} MiB in {clock.Elapsed.TotalSeconds:F0} s");
        return q4;
    }
}
