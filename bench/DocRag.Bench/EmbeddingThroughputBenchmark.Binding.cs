using System.Diagnostics;
using System.Globalization;
using System.Numerics.Tensors;
using DocRag.Core.Embeddings;
using DocRag.Native;
using DocRag.Native.Onnx;

namespace DocRag.Bench;

/// <summary>The binding alone (tensors built once, run, pool) and the report.</summary>
internal sealed partial class EmbeddingThroughputBenchmark
{
    private static void MeasureBinding(OnnxEmbeddingGenerator generator, string folder, List<string> texts, int threads, int warmup, int iterations, List<double> times)
    {
        var encoded = texts.Select(t => generator.Tokenizer.Encode(t, generator.MaxSequenceLength)).ToList();
        var rows = encoded.Count;
        var sequence = encoded[0].Length;
        var ids = encoded.SelectMany(e => e.InputIds.Select(i => (long)i)).ToArray();
        var types = encoded.SelectMany(e => e.TypeIds.Select(i => (long)i)).ToArray();
        var mask = Enumerable.Repeat(1L, ids.Length).ToArray();
        using var session = OnnxSession.Create(Path.Combine(folder, "model.onnx"), new OnnxSessionSettings { ExecutionProvider = OnnxExecutionProvider.Cpu, IntraOpThreads = threads });
        long[] shape = [rows, sequence];
        using var idsValue = OnnxValue.CreateTensor(ids.AsMemory(), shape);
        using var maskValue = OnnxValue.CreateTensor(mask.AsMemory(), shape);
        using var typesValue = OnnxValue.CreateTensor(types.AsMemory(), shape);
        OnnxInput[] inputs = [new("input_ids", idsValue), new("attention_mask", maskValue), new("token_type_ids", typesValue)];
        for (var i = 0; i < warmup + iterations; i++)
        {
            var sw = Stopwatch.StartNew();
            using (var outputs = session.Run(inputs, ["last_hidden_state"]))
            {
                var data = outputs[0].GetTensorData<float>();
                var hidden = data.Length / (rows * sequence);
                var vector = new float[hidden];
                for (var r = 0; r < rows; r++)
                {
                    Array.Clear(vector);
                    for (var t = 0; t < sequence; t++)
                    {
                        TensorPrimitives.Add(vector, data.Slice(((r * sequence) + t) * hidden, hidden), vector);
                    }

                    TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
                }
            }

            if (i >= warmup)
            {
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
        }
    }

    private static void Report(
        OnnxEmbeddingGenerator generator, int batch, int tokens, int threads, int samples,
        List<double> docrag, List<double> binding, List<double> node, float[] docragFirst, float[] nodeFirst)
    {
        double Median(List<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        string Line(string name, List<double> times)
        {
            var median = Median(times);
            return string.Create(CultureInfo.InvariantCulture, $"| {name} | {median:F1} | {times.Min():F1} | {batch * 1000 / median:F1} |");
        }

        var ratio = Median(node) / Median(docrag);
        var bindingRatio = Median(node) / Median(binding);
        Console.WriteLine($"model: {generator.Folder.ModelPath} ({generator.ModelId}), {generator.Dimensions} dimensions");
        Console.WriteLine($"onnx runtime {NativeVersions.OnnxRuntime}; batch {batch} x {tokens} tokens; {threads} intra-op threads; {samples} timed batches per side");
        Console.WriteLine($"first vector cosine DocRag vs node: {TensorPrimitives.CosineSimilarity(docragFirst, nodeFirst):F6}");
        Console.WriteLine();
        Console.WriteLine("| runner | median ms/batch | best ms/batch | texts/s (median) |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        Console.WriteLine(Line("DocRag OnnxEmbeddingGenerator (tokenize + run + pool)", docrag));
        Console.WriteLine(Line("DocRag binding only (run + pool)", binding));
        Console.WriteLine(Line("onnxruntime-node 1.30.0 (run + pool)", node));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"DocRag embedder / node: {ratio:F3}x; DocRag binding / node: {bindingRatio:F3}x (target >= 0.95x)"));
    }
}
