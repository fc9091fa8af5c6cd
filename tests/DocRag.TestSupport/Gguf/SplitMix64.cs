namespace DocRag.TestSupport.Gguf;

/// <summary>SplitMix64: a tiny, fast, fully specified generator, so weights are identical on every runtime version.</summary>
public struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [-1, 1).</summary>
    public float NextSymmetric() => ((Next() >> 40) * (1f / (1 << 24)) * 2f) - 1f;
}
