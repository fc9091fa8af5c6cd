namespace DocRag.TestSupport.Onnx;

/// <summary>
/// Writes a BERT-shaped sentence encoder as an ONNX file from standard opset-17 ops, with seeded random weights: word,
/// position and token-type embeddings, LayerNorm, N layers of masked multi-head self-attention and a GELU (Erf) FFN,
/// output <c>last_hidden_state</c> [batch, sequence, hidden]. The same options always give the same bytes.
/// </summary>
public sealed partial class BertOnnxModelWriter
{
    public const string InputIds = "input_ids";
    public const string AttentionMask = "attention_mask";
    public const string TokenTypeIds = "token_type_ids";
    public const string LastHiddenState = "last_hidden_state";
    public const string SentenceEmbedding = "sentence_embedding";

    private readonly BertModelOptions _options;
    private readonly OnnxModelBuilder _builder = new("bert_encoder");
    private readonly SeededRandom _random;

    private BertOnnxModelWriter(BertModelOptions options)
    {
        if (options.HiddenSize % options.Heads != 0)
        {
            throw new ArgumentException($"Hidden size {options.HiddenSize} is not a multiple of {options.Heads} heads.", nameof(options));
        }

        _options = options;
        _random = new SeededRandom(options.Seed);
    }

    /// <summary>The model file's bytes.</summary>
    public static byte[] Build(BertModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new BertOnnxModelWriter(options).BuildCore();
    }

    /// <summary>Writes the model to <paramref name="path"/> (creating its folder) and returns the path.</summary>
    public static string Write(string path, BertModelOptions options)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllBytes(path, Build(options));
        return path;
    }

    private byte[] BuildCore()
    {
        var b = _builder;
        b.AddInput(InputIds, OnnxModelBuilder.ElementInt64, "batch_size", "sequence_length");
        b.AddInput(AttentionMask, OnnxModelBuilder.ElementInt64, "batch_size", "sequence_length");
        if (_options.IncludeTokenTypeIds)
        {
            b.AddInput(TokenTypeIds, OnnxModelBuilder.ElementInt64, "batch_size", "sequence_length");
        }

        var hidden = Embeddings();
        var maskFloat = b.Node("Cast", [AttentionMask], OnnxAttr.Of("to", (long)OnnxModelBuilder.ElementFloat));
        var attentionBias = AttentionBias(maskFloat);
        for (var layer = 0; layer < _options.Layers; layer++)
        {
            hidden = EncoderLayer(hidden, attentionBias, $"encoder.layer.{layer}");
        }

        b.NodeTo("Identity", [hidden], [LastHiddenState]);
        b.AddOutput(LastHiddenState, OnnxModelBuilder.ElementFloat, "batch_size", "sequence_length", _options.HiddenSize);
        if (_options.SentenceEmbeddingDimension is { } dimension)
        {
            b.NodeTo("Identity", [MeanPoolAndProject(hidden, maskFloat, dimension)], [SentenceEmbedding]);
            b.AddOutput(SentenceEmbedding, OnnxModelBuilder.ElementFloat, "batch_size", dimension);
        }

        return b.Build();
    }

    private string Embeddings()
    {
        var b = _builder;
        var h = _options.HiddenSize;
        var words = Weight("embeddings.word_embeddings.weight", 0.1f, _options.VocabSize, h);
        var positions = Weight("embeddings.position_embeddings.weight", 0.1f, _options.MaxPositions, h);
        var sum = b.Node("Gather", [words, InputIds]);

        // position ids = Range(0, sequence_length): the sequence length is read from the input's shape.
        var shape = b.Node("Shape", [InputIds]);
        var lengthVector = b.Node("Slice", [shape, Int64s("const.one_vector", 1), Int64s("const.two_vector", 2)]);
        var length = b.Node("Squeeze", [lengthVector, Int64s("const.zero_axis", 0)]);
        var positionIds = b.Node("Range", [Int64Scalar("const.zero", 0), length, Int64Scalar("const.one", 1)]);
        sum = b.Node("Add", [sum, b.Node("Gather", [positions, positionIds])]);

        if (_options.IncludeTokenTypeIds)
        {
            var types = Weight("embeddings.token_type_embeddings.weight", 0.1f, _options.TypeVocabSize, h);
            sum = b.Node("Add", [sum, b.Node("Gather", [types, TokenTypeIds])]);
        }

        return LayerNorm(sum, "embeddings.LayerNorm");
    }

    /// <summary>[batch, 1, 1, sequence]: 0 where the mask is 1, -10000 where it is 0 (BERT's additive mask).</summary>
    private string AttentionBias(string maskFloat)
    {
        var b = _builder;
        var inverted = b.Node("Sub", [FloatScalar("const.one_f", 1f), maskFloat]);
        var scaled = b.Node("Mul", [inverted, FloatScalar("const.mask_value", -10000f)]);
        return b.Node("Unsqueeze", [scaled, Int64s("const.mask_axes", 1, 2)]);
    }

    private string Weight(string name, float scale, params int[] dims)
    {
        var count = dims.Aggregate(1, (a, d) => a * d);
        return _builder.AddInitializer(name, _random.Fill(count, scale), dims.Select(d => (long)d).ToArray());
    }

    private string Ones(string name, int size) => _builder.AddInitializer(name, _random.Fill(size, 0.1f, offset: 1f), size);

    private string Int64s(string name, params long[] values) => _builder.AddInitializer(name, values, values.Length);

    private string Int64Scalar(string name, long value) => _builder.AddInitializer(name, [value]);

    private string FloatScalar(string name, float value) => _builder.AddInitializer(name, [value]);
}
