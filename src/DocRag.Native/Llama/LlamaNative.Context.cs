using System.Runtime.InteropServices;
using DocRag.Native.Llama.Interop;
using DocRag.Native.Loading;

namespace DocRag.Native.Llama;

/// <summary>Context, batch, memory and decode entry points.</summary>
internal static unsafe partial class LlamaNative
{
    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial LlamaContextParams llama_context_default_params();

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial nint llama_init_from_model(SafeLlamaModelHandle model, LlamaContextParams parameters);

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial void llama_free(nint ctx);

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial uint llama_n_ctx(SafeLlamaContextHandle ctx);

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial uint llama_n_batch(SafeLlamaContextHandle ctx);

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial nint llama_get_memory(SafeLlamaContextHandle ctx);

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial void llama_memory_clear(nint mem, [MarshalAs(UnmanagedType.U1)] bool data);

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial LlamaBatch llama_batch_init(int nTokens, int embd, int nSeqMax);

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial void llama_batch_free(LlamaBatch batch);

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial int llama_decode(SafeLlamaContextHandle ctx, LlamaBatch batch);

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial void llama_set_n_threads(SafeLlamaContextHandle ctx, int nThreads, int nThreadsBatch);

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial void llama_set_abort_callback(
        SafeLlamaContextHandle ctx, delegate* unmanaged[Cdecl]<void*, byte> abortCallback, void* abortCallbackData);
}
