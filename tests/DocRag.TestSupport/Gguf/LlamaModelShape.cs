namespace DocRag.TestSupport.Gguf;

/// <summary>The hyper-parameters of a LLaMA-architecture model written by <see cref="TestLlamaModel"/>.</summary>
public sealed record LlamaModelShape(
    int Hidden,
    int Layers,
    int Heads,
    int KvHeads,
    int FeedForward,
    int VocabularySize,
    int ContextLength,
    float RopeFreqBase = 10000f)
{
    /// <summary>A few hundred kilobytes: loads and generates in milliseconds.</summary>
    public static LlamaModelShape Tiny { get; } = new(Hidden: 64, Layers: 2, Heads: 4, KvHeads: 2, FeedForward: 128, VocabularySize: 768, ContextLength: 512);

    /// <summary>Llama-3.2-1B's shape (tied embeddings, GQA 32/8, rope base 500000).</summary>
    public static LlamaModelShape Llama32_1B { get; } = new(
        Hidden: 2048, Layers: 16, Heads: 32, KvHeads: 8, FeedForward: 8192, VocabularySize: 128256, ContextLength: 131072, RopeFreqBase: 500000f);

    public int HeadDimension => Hidden / Heads;

    /// <summary>Total parameters (embeddings tied to the output).</summary>
    public long Parameters
    {
        get
        {
            long kv = (long)KvHeads * HeadDimension;
            long perLayer = (2L * Hidden) + ((long)Hidden * Hidden * 2) + (2L * Hidden * kv) + (3L * Hidden * FeedForward);
            return ((long)VocabularySize * Hidden) + Hidden + (Layers * perLayer);
        }
    }
}
