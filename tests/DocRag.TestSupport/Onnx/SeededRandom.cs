namespace DocRag.TestSupport.Onnx;

/// <summary>SplitMix64: a tiny generator whose sequence is fixed by its seed on every runtime and machine.</summary>
public sealed class SeededRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A float uniform in [-scale, scale), from the top 24 bits.</summary>
    public float NextSymmetric(float scale) => ((NextUInt64() >> 40) * (1.0f / (1 << 24)) * 2f - 1f) * scale;

    public float[] Fill(int count, float scale, float offset = 0f)
    {
        var values = new float[count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = offset + NextSymmetric(scale);
        }

        return values;
    }
}
