namespace DocRag.Native;

/// <summary>The exact native runtimes DocRag is built and tested against (scripts/setup.sh fetches these).</summary>
public static class NativeVersions
{
    /// <summary>ONNX Runtime C API version, from npm onnxruntime-node.</summary>
    public const string OnnxRuntime = "1.30.0";

    /// <summary>The ORT API level requested from <c>OrtGetApiBase()->GetApi</c>.</summary>
    public const int OnnxRuntimeApiVersion = 30;

    /// <summary>llama.cpp release tag, from npm @node-llama-cpp/linux-x64.</summary>
    public const string LlamaCpp = "v0.5.0";

    /// <summary>The node-llama-cpp release that ships that llama.cpp build.</summary>
    public const string NodeLlamaCpp = "3.22.1";
}
