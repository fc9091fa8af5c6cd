using Microsoft.ML.OnnxRuntime.Tensors;

namespace DocRag.Core.Embeddings;

/// <summary>
/// One input or output of a model: its name, element type and shape. A dynamic dimension is -1 in
/// <see cref="Dimensions"/> and has its symbolic name (for example "batch_size") in <see cref="SymbolicDimensions"/>.
/// </summary>
internal sealed record OnnxNodeInfo(string Name, TensorElementType ElementType, IReadOnlyList<long> Dimensions, IReadOnlyList<string> SymbolicDimensions)
{
    /// <summary>The shape as text, for error messages: <c>[batch_size, sequence_length, 384]</c>.</summary>
    public string ShapeText => "[" + string.Join(", ", Dimensions.Select((d, i) =>
        d >= 0 ? d.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : i < SymbolicDimensions.Count && SymbolicDimensions[i].Length > 0 ? SymbolicDimensions[i] : "?")) + "]";
}
