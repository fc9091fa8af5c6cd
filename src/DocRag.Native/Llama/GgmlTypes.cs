namespace DocRag.Native.Llama;

/// <summary>ggml's own description of its tensor types, for checking code that computes tensor sizes without it.</summary>
public static class GgmlTypes
{
    /// <summary>Elements per block and bytes per block of <paramref name="type"/> (1 and the element size for plain types).</summary>
    public static (long BlockSize, long BytesPerBlock) GetBlockLayout(GgmlType type) =>
        (GgmlNative.ggml_blck_size(type), (long)GgmlNative.ggml_type_size(type));
}
