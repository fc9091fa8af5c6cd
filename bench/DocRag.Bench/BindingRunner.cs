using System.Diagnostics;
using System.Numerics.Tensors;
using DocRag.Core.Embeddings;
using Microsoft.ML.OnnxRuntime;

namespace DocRag.Bench;

/// <summary>ONNX Runtime's C# API alone (no tokenizer, no batching): tensors built once over the token ids, then run and mean-pool per batch.</summary>
internal sealed class BindingRunner : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly OrtValue _ids;
    private readonly OrtValue _mask;
    private readonly OrtValue _types;
    private readonly int _rows;
    private readonly int _sequence;

    public BindingRunner(OnnxEmbeddingGenerator generator, string folder, List<string> texts, int threads)
    {
        var encoded = texts.Select(t => generator.Tokenizer.Encode(t, generator.MaxSequenceLength)).ToList();
        _rows = encoded.Count;
        _sequence = encoded[0].Length;
        long[] shape = [_rows, _sequence];
        var ids = encoded.SelectMany(e => e.InputIds.Select(i => (long)i)).ToArray();
        _ids = OrtValue.CreateTensorValueFromMemory(ids, shape);
        _mask = OrtValue.CreateTensorValueFromMemory(Enumerable.Repeat(1L, ids.Length).ToArray(), shape);
        _types = OrtValue.CreateTensorValueFromMemory(encoded.SelectMany(e => e.TypeIds.Select(i => (long)i)).ToArray(), shape);
        using var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = threads,
        };
        _session = new InferenceSession(Path.Combine(folder, "model.onnx"), options);
    }

    /// <summary>One batch: run, mean-pool, normalise; returns the milliseconds it took.</summary>
    public double RunOnce()
    {
        var sw = Stopwatch.StartNew();
        using var outputs = _session.Run(_runOptions, ["input_ids", "attention_mask", "token_type_ids"], [_ids, _mask, _types], ["last_hidden_state"]);
        var data = outputs[0].GetTensorDataAsSpan<float>();
        var hidden = data.Length / (_rows * _sequence);
        var vector = new float[hidden];
        for (var r = 0; r < _rows; r++)
        {
            Array.Clear(vector);
            for (var t = 0; t < _sequence; t++)
            {
                TensorPrimitives.Add(vector, data.Slice(((r * _sequence) + t) * hidden, hidden), vector);
            }

            TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        }

        return sw.Elapsed.TotalMilliseconds;
    }

    public void Dispose()
    {
        _session.Dispose();
        _runOptions.Dispose();
        _ids.Dispose();
        _mask.Dispose();
        _types.Dispose();
    }
}
