using System.Reflection;
using DocRag.Native;
using DocRag.Native.Llama;
using DocRag.Native.Onnx;

namespace DocRag.Core.Diagnostics;

/// <summary>DocRag's version and the native runtimes actually loaded (for <c>docrag --version</c> and <c>/health</c>).</summary>
public sealed record RuntimeReport(string Version, NativeComponentStatus OnnxRuntime, NativeComponentStatus LlamaCpp)
{
    /// <summary>DocRag's informational version (without the source-link suffix).</summary>
    public static string DocRagVersion { get; } = ReadVersion();

    /// <summary>Loads both runtimes (if not yet loaded) and reports what happened; never throws.</summary>
    public static RuntimeReport Collect() => new(DocRagVersion, ProbeOnnxRuntime(), ProbeLlamaCpp());

    private static NativeComponentStatus ProbeOnnxRuntime()
    {
        try
        {
            return new("ONNX Runtime", NativeVersions.OnnxRuntime, true, OnnxRuntimeInfo.GetVersionString());
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return new("ONNX Runtime", NativeVersions.OnnxRuntime, false, ex.Message);
        }
    }

    private static NativeComponentStatus ProbeLlamaCpp()
    {
        try
        {
            return new("llama.cpp", NativeVersions.LlamaCpp, true, LlamaBackend.GetSystemInfo());
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return new("llama.cpp", NativeVersions.LlamaCpp, false, ex.Message);
        }
    }

    private static string ReadVersion()
    {
        var info = typeof(RuntimeReport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = info.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? info : info[..plus];
    }
}
