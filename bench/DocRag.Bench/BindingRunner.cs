using System.Diagnostics;
using System.Numerics.Tensors;
using DocRag.Core.Embeddings;
using DocRag.Native.Onnx;

namespace DocRag.Bench;

/// <summary>DocRag's ONNX binding alone: tensors built once over the token ids, then run and mean-pool per batch.</summary>
internal sealed class BindingRunner : IDisposable
{
    private readonly OnnxSession _session;
    private readonly OnnxValue _ids;
    private readonly OnnxValue _mask;
    private readonly OnnxValue _types;
    private readonly int _rows;
    private readonly int _sequence;

    public BindingRunner(OnnxEmbeddingGenerator generator, string folder, List<string> texts, int threads)
    {
        var encoded = texts.Select(t => generator.Tokenizer.Encode(t, generator.MaxSequenceLength)).ToList();
        _rows = encoded.Count;
        _sequence = encoded[0].Length;
        long[] shape = [_rows, _sequence];
        var ids = encoded.SelectMany(e => e.InputIds.Select(i => (long)i)).ToArray();
        _ids = OnnxValue.CreateTensor(ids.AsMemory(), shape);
        _mask = OnnxValue.CreateTensor(Enumerable.Repeat(1L, ids.Length).ToArray().AsMemory(), shape);
        _types = OnnxValue.CreateTensor(encoded.SelectMany(e => e.TypeIds.Select(i => (long)i)).ToArray().AsMemory(), shape);
        _session = OnnxSession.Create(Path.Combine(folder, "model.onnx"), new OnnxSessionSettings { ExecutionProvider = OnnxExecutionProvider.Cpu, IntraOpThreads = threads });
    }

    /// <summary>One batch: run, mean-pool, normalise; returns the milliseconds it took.</summary>
    public double RunOnce()
    {
        var sw = Stopwatch.StartNew();
        using var outputs = _session.Run([new("input_ids", _ids), new("attention_mask", _mask), new("token_type_ids", _types)], ["last_hidden_state"]);
        var data = outputs[0].GetTensorData<float>();
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
        _ids.Dispose();
        _mask.Dispose();
        _types.Dispose();
    }
}
