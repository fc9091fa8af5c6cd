namespace DocRag.TestSupport.Onnx;

/// <summary>The shape of a generated BERT-style encoder; weights are random but fixed by <see cref="Seed"/>.</summary>
public sealed record BertModelOptions
{
    /// <summary>For tests: the MiniLM vocabulary, 2 layers, hidden 32 (about 4 MB).</summary>
    public static BertModelOptions Tiny { get; } = new();

    /// <summary>all-MiniLM-L6-v2's shape (about 90 MB): 6 layers, hidden 384, 12 heads, FFN 1536, 512 positions.</summary>
    public static BertModelOptions MiniLmL6 { get; } = new()
    {
        Layers = 6,
        HiddenSize = 384,
        Heads = 12,
        IntermediateSize = 1536,
        MaxPositions = 512,
    };

    public int VocabSize { get; init; } = 30522;

    public int HiddenSize { get; init; } = 32;

    public int Layers { get; init; } = 2;

    public int Heads { get; init; } = 4;

    public int IntermediateSize { get; init; } = 64;

    public int MaxPositions { get; init; } = 128;

    public int TypeVocabSize { get; init; } = 2;

    public float LayerNormEpsilon { get; init; } = 1e-12f;

    public ulong Seed { get; init; } = 42;

    /// <summary>False leaves out the <c>token_type_ids</c> input (and its embeddings), as some exports do.</summary>
    public bool IncludeTokenTypeIds { get; init; } = true;

    /// <summary>
    /// When set, the model also outputs <c>sentence_embedding</c>: masked mean pooling followed by a dense projection to
    /// this many dimensions (as a sentence-transformers export with a Dense module does).
    /// </summary>
    public int? SentenceEmbeddingDimension { get; init; }
}
