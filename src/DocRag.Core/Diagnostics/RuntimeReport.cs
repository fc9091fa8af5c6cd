using System.Reflection;
using DocRag.Core.Embeddings;
using DocRag.Native;
using DocRag.Native.Llama;
using LLama.Exceptions;
using Microsoft.ML.OnnxRuntime;

namespace DocRag.Core.Diagnostics;

/// <summary>
/// DocRag's version, the runtime packages it was built with and the native runtimes actually loaded (for
/// <c>docrag --version</c> and <c>/health</c>): ONNX Runtime from Microsoft.ML.OnnxRuntime(.Gpu), llama.cpp from LLamaSharp.
/// </summary>
public sealed record RuntimeReport(string Version, NativeComponentStatus OnnxRuntime, NativeComponentStatus LlamaCpp)
{
    /// <summary>DocRag's informational version (without the source-link suffix).</summary>
    public static string DocRagVersion { get; } = AssemblyVersion(typeof(RuntimeReport));

    /// <summary>Loads both runtimes (if not yet loaded) and reports what happened; never throws.</summary>
    public static RuntimeReport Collect() => new(DocRagVersion, ProbeOnnxRuntime(), ProbeLlamaCpp());

    private static NativeComponentStatus ProbeOnnxRuntime()
    {
        var package = $"{AssemblyVersion(typeof(InferenceSession))} ({OnnxPackageName})";
        try
        {
            return new("ONNX Runtime", package, true, $"loaded {OnnxEnvironment.Version}; providers {string.Join(", ", OnnxEnvironment.AvailableProviders)}");
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or TypeInitializationException or OnnxRuntimeException)
        {
            return new("ONNX Runtime", package, false, ex.InnerException?.Message ?? ex.Message);
        }
    }

    private static NativeComponentStatus ProbeLlamaCpp()
    {
        var package = $"{NativeVersions.LlamaCppCommit} (LLamaSharp {LlamaSharpVersion})";
        try
        {
            return new("llama.cpp", package, true, $"loaded {LlamaBackend.LoadedBuild}; {LlamaBackend.GetSystemInfo()}");
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or TypeInitializationException or RuntimeError)
        {
            return new("llama.cpp", package, false, ex.InnerException?.Message ?? ex.Message);
        }
    }

    /// <summary>LLamaSharp's assembly carries no version (0.0.0.0), so the pinned package version is reported.</summary>
    private static string LlamaSharpVersion => NativeVersions.LlamaSharp;

    /// <summary>Which ONNX Runtime package this build took: the CUDA one after <c>scripts/setup.sh --gpu</c>.</summary>
    private static string OnnxPackageName =>
        typeof(RuntimeReport).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "DocRagGpu")?.Value == "true"
            ? "Microsoft.ML.OnnxRuntime.Gpu"
            : "Microsoft.ML.OnnxRuntime";

    /// <summary>The informational version of the assembly that defines <paramref name="type"/>, without a source-link suffix.</summary>
    private static string AssemblyVersion(Type type)
    {
        var info = type.Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = info.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? info : info[..plus];
    }
}
