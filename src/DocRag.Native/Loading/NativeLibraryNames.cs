namespace DocRag.Native.Loading;

/// <summary>Logical library names used in <c>[LibraryImport]</c> and the files they map to.</summary>
public static class NativeLibraryNames
{
    public const string OnnxRuntime = "onnxruntime";
    public const string Llama = "llama";
    public const string Ggml = "ggml";
    public const string GgmlBase = "ggml-base";

    internal static readonly IReadOnlyDictionary<string, string> FileNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [OnnxRuntime] = "libonnxruntime.so.1",
        [Llama] = "libllama.v0.5.0.so",
        [Ggml] = "libggml.v0.5.0.so",
        [GgmlBase] = "libggml-base.so",
    };
}
