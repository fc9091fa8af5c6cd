using System.Runtime.InteropServices;
using DocRag.Native.Loading;

namespace DocRag.Native.Llama;

/// <summary>llama.cpp v0.5.0 entry points (libllama): process-wide functions. The other parts are split by object.</summary>
internal static unsafe partial class LlamaNative
{
    /// <summary><c>LLAMA_DEFAULT_SEED</c>: ask the sampler for a random seed.</summary>
    internal const uint DefaultSeed = 0xFFFFFFFF;

    /// <summary><c>LLAMA_TOKEN_NULL</c>.</summary>
    internal const int TokenNull = -1;

    static LlamaNative() => NativeLibraryResolver.EnsureRegistered();

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial nint llama_print_system_info();

    /// <summary><c>void llama_log_set(ggml_log_callback, void*)</c>; also sets ggml's logger.</summary>
    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial void llama_log_set(delegate* unmanaged[Cdecl]<GgmlLogLevel, byte*, void*, void> callback, void* userData);

    [LibraryImport(NativeLibraryNames.Llama)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool llama_supports_gpu_offload();

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial int llama_chat_apply_template(
        byte* tmpl, Interop.LlamaChatMessage* chat, nuint nMsg, [MarshalAs(UnmanagedType.U1)] bool addAss, byte* buf, int length);

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial int llama_chat_builtin_templates(byte** output, nuint len);

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial Interop.LlamaModelQuantizeParams llama_model_quantize_default_params();

    /// <summary>Returns 0 on success.</summary>
    [LibraryImport(NativeLibraryNames.Llama, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint llama_model_quantize(string fnameInp, string fnameOut, Interop.LlamaModelQuantizeParams* parameters);
}
