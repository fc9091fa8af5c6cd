namespace DocRag.TestSupport.Onnx;

/// <summary>The encoder layer (attention and FFN), LayerNorm and the optional pooled output.</summary>
public sealed partial class BertOnnxModelWriter
{
    private string EncoderLayer(string input, string attentionBias, string prefix)
    {
        var b = _builder;
        var h = _options.HiddenSize;
        var headSize = h / _options.Heads;
        var splitShape = Int64s($"{prefix}.attention.split_shape", 0, 0, _options.Heads, headSize);
        var mergeShape = Int64s($"{prefix}.attention.merge_shape", 0, 0, h);

        string Heads(string name, long[] perm)
        {
            var projected = Linear(input, $"{prefix}.attention.self.{name}", h, h);
            var split = b.Node("Reshape", [projected, splitShape]);
            return b.Node("Transpose", [split], OnnxAttr.Of("perm", perm));
        }

        var query = Heads("query", [0, 2, 1, 3]);
        var keyT = Heads("key", [0, 2, 3, 1]);
        var value = Heads("value", [0, 2, 1, 3]);
        var scores = b.Node("MatMul", [query, keyT]);
        scores = b.Node("Div", [scores, FloatScalar($"{prefix}.attention.scale", MathF.Sqrt(headSize))]);
        scores = b.Node("Add", [scores, attentionBias]);
        var probabilities = b.Node("Softmax", [scores], OnnxAttr.Of("axis", -1L));
        var context = b.Node("MatMul", [probabilities, value]);
        context = b.Node("Transpose", [context], OnnxAttr.Of("perm", 0L, 2L, 1L, 3L));
        context = b.Node("Reshape", [context, mergeShape]);
        var attention = Linear(context, $"{prefix}.attention.output.dense", h, h);
        var afterAttention = LayerNorm(b.Node("Add", [attention, input]), $"{prefix}.attention.output.LayerNorm");

        var intermediate = Linear(afterAttention, $"{prefix}.intermediate.dense", h, _options.IntermediateSize);
        var activated = Gelu(intermediate, prefix);
        var output = Linear(activated, $"{prefix}.output.dense", _options.IntermediateSize, h);
        return LayerNorm(b.Node("Add", [output, afterAttention]), $"{prefix}.output.LayerNorm");
    }

    /// <summary>x W + b, with W uniform in ±sqrt(3 / fan_in) so activations keep unit scale.</summary>
    private string Linear(string input, string prefix, int inFeatures, int outFeatures)
    {
        var weight = Weight($"{prefix}.weight", MathF.Sqrt(3f / inFeatures), inFeatures, outFeatures);
        var bias = Weight($"{prefix}.bias", 0.05f, outFeatures);
        return _builder.Node("Add", [_builder.Node("MatMul", [input, weight]), bias]);
    }

    /// <summary>GELU as the exporters write it: 0.5 x (1 + erf(x / sqrt 2)).</summary>
    private string Gelu(string x, string prefix)
    {
        var b = _builder;
        var erf = b.Node("Erf", [b.Node("Div", [x, FloatScalar($"{prefix}.gelu.sqrt2", MathF.Sqrt(2f))])]);
        var onePlus = b.Node("Add", [erf, FloatScalar($"{prefix}.gelu.one", 1f)]);
        return b.Node("Mul", [b.Node("Mul", [x, onePlus]), FloatScalar($"{prefix}.gelu.half", 0.5f)]);
    }

    private string LayerNorm(string input, string prefix)
    {
        var gamma = Ones($"{prefix}.weight", _options.HiddenSize);
        var beta = Weight($"{prefix}.bias", 0.1f, _options.HiddenSize);
        return _builder.Node(
            "LayerNormalization",
            [input, gamma, beta],
            OnnxAttr.Of("axis", -1L),
            OnnxAttr.Of("epsilon", _options.LayerNormEpsilon));
    }

    /// <summary>Masked mean over the sequence, then a dense projection (sentence-transformers' Pooling + Dense).</summary>
    private string MeanPoolAndProject(string hidden, string maskFloat, int dimension)
    {
        var b = _builder;
        var mask = b.Node("Unsqueeze", [maskFloat, Int64s("pooling.mask_axis", 2)]);
        var sequenceAxis = Int64s("pooling.sequence_axis", 1);
        var keep = OnnxAttr.Of("keepdims", 0L);
        var summed = b.Node("ReduceSum", [b.Node("Mul", [hidden, mask]), sequenceAxis], keep);
        var counts = b.Node("ReduceSum", [mask, sequenceAxis], keep);
        counts = b.Node("Max", [counts, FloatScalar("pooling.min_count", 1e-9f)]);
        var mean = b.Node("Div", [summed, counts]);
        var weight = Weight("dense.weight", MathF.Sqrt(3f / _options.HiddenSize), _options.HiddenSize, dimension);
        return b.Node("MatMul", [mean, weight]);
    }
}
