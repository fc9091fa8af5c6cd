using System.Buffers;
using System.Runtime.InteropServices;

namespace DocRag.TestSupport.Gguf;

/// <summary>The tensors of a LLaMA block stack, filled from a per-tensor seeded generator and streamed in chunks.</summary>
public static partial class TestLlamaModel
{
    private const int ChunkValues = 1 << 16;

    private static void AddTensors(GgufWriter w, LlamaModelShape s, int seed, GgufTensorType type)
    {
        long kv = (long)s.KvHeads * s.HeadDimension;
        var index = 0;
        void Matrix(string name, long cols, long rows) => w.AddTensor(Random(name, type, [cols, rows], seed, index++));
        void Norm(string name) => w.AddTensor(Ones(name, s.Hidden));

        Matrix("token_embd.weight", s.Hidden, s.VocabularySize);
        Norm("output_norm.weight");
        for (var i = 0; i < s.Layers; i++)
        {
            Norm($"blk.{i}.attn_norm.weight");
            Matrix($"blk.{i}.attn_q.weight", s.Hidden, s.Hidden);
            Matrix($"blk.{i}.attn_k.weight", s.Hidden, kv);
            Matrix($"blk.{i}.attn_v.weight", s.Hidden, kv);
            Matrix($"blk.{i}.attn_output.weight", s.Hidden, s.Hidden);
            Norm($"blk.{i}.ffn_norm.weight");
            Matrix($"blk.{i}.ffn_gate.weight", s.Hidden, s.FeedForward);
            Matrix($"blk.{i}.ffn_down.weight", s.FeedForward, s.Hidden);
            Matrix($"blk.{i}.ffn_up.weight", s.Hidden, s.FeedForward);
        }
    }

    // Norm weights are 1-D and stay F32, as llama.cpp expects.
    private static GgufTensor Ones(string name, int length)
    {
        var bytes = MemoryMarshal.AsBytes(Enumerable.Repeat(1f, length).ToArray().AsSpan()).ToArray();
        return new GgufTensor(name, GgufTensorType.F32, [length], bytes.Length, s => s.Write(bytes));
    }

    private static GgufTensor Random(string name, GgufTensorType type, long[] dims, int seed, int index)
    {
        var count = dims[0] * dims[1];
        var scale = 1f / MathF.Sqrt(dims[0]); // keeps activations in range whatever the width
        var bytesPerValue = type == GgufTensorType.F16 ? 2 : 4;
        return new GgufTensor(name, type, dims, count * bytesPerValue, stream =>
        {
            var rng = new SplitMix64(((ulong)(uint)seed << 32) ^ (ulong)(index + 1));
            var floats = ArrayPool<float>.Shared.Rent(ChunkValues);
            var halves = ArrayPool<Half>.Shared.Rent(ChunkValues);
            try
            {
                for (long done = 0; done < count; done += ChunkValues)
                {
                    var n = (int)Math.Min(ChunkValues, count - done);
                    for (var i = 0; i < n; i++)
                    {
                        floats[i] = rng.NextSymmetric() * scale;
                    }

                    if (type == GgufTensorType.F16)
                    {
                        for (var i = 0; i < n; i++)
                        {
                            halves[i] = (Half)floats[i];
                        }

                        stream.Write(MemoryMarshal.AsBytes(halves.AsSpan(0, n)));
                    }
                    else
                    {
                        stream.Write(MemoryMarshal.AsBytes(floats.AsSpan(0, n)));
                    }
                }
            }
            finally
            {
                ArrayPool<float>.Shared.Return(floats);
                ArrayPool<Half>.Shared.Return(halves);
            }
        });
    }
}
