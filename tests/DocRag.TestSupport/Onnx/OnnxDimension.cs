namespace DocRag.TestSupport.Onnx;

/// <summary>One dimension of a graph input or output: a fixed size or a symbolic name ("batch_size").</summary>
public readonly record struct OnnxDimension(long? Value, string? Param)
{
    public static implicit operator OnnxDimension(long value) => new(value, null);

    public static implicit operator OnnxDimension(string param) => new(null, param);

    public static OnnxDimension FromInt64(long value) => new(value, null);

    public static OnnxDimension FromString(string param) => new(null, param);
}
