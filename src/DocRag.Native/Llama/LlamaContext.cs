using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DocRag.Native.Llama.Interop;

namespace DocRag.Native.Llama;

/// <summary>
/// An inference context: one KV cache holding a single sequence. Not thread-safe: one thread at a time. Decoding can be
/// cancelled mid-batch through llama.cpp's abort callback.
/// </summary>
public sealed unsafe partial class LlamaContext : IDisposable
{
    private readonly SafeLlamaContextHandle _handle;
    private readonly int* _abortFlag;
    private LlamaBatch _batch;
    private bool _disposed;

    internal LlamaContext(LlamaModel model, LlamaContextOptions options)
    {
        Model = model;
        var parameters = CreateParams(options);
        _abortFlag = (int*)NativeMemory.AllocZeroed(sizeof(int));
        parameters.AbortCallback = (nint)(delegate* unmanaged[Cdecl]<void*, byte>)&ShouldAbort;
        parameters.AbortCallbackData = (nint)_abortFlag;
        using var capture = LlamaLogCapture.Begin();
        _handle = SafeLlamaContextHandle.Create(model.Handle, parameters);
        if (_handle.IsInvalid)
        {
            NativeMemory.Free(_abortFlag);
            throw new LlamaException($"llama.cpp could not create a context of {parameters.NCtx} tokens: {capture.FirstError ?? "no reason given"}");
        }

        ContextSize = (int)LlamaNative.llama_n_ctx(_handle);
        BatchSize = (int)LlamaNative.llama_n_batch(_handle);
        _batch = LlamaNative.llama_batch_init(BatchSize, 0, 1);
    }

    public LlamaModel Model { get; }

    public SafeLlamaContextHandle Handle => _handle;

    /// <summary>The context length actually allocated (llama.cpp may round the requested size).</summary>
    public int ContextSize { get; }

    /// <summary>The most tokens one decode call submits at once.</summary>
    public int BatchSize { get; }

    /// <summary>Number of tokens in the KV cache: the position the next decoded token gets.</summary>
    public int Position { get; private set; }

    /// <summary>The parameters the constructor passes: llama.cpp's defaults with the options applied.</summary>
    internal static LlamaContextParams CreateParams(LlamaContextOptions options)
    {
        var parameters = LlamaNative.llama_context_default_params();
        parameters.NCtx = (uint)Math.Max(0, options.ContextSize);
        parameters.NBatch = (uint)Math.Max(1, options.BatchSize);
        if (options.MicroBatchSize is { } ubatch)
        {
            parameters.NUbatch = (uint)Math.Max(1, ubatch);
        }

        if (options.Threads is { } threads)
        {
            parameters.NThreads = threads;
            parameters.NThreadsBatch = threads;
        }

        if (options.BatchThreads is { } batchThreads)
        {
            parameters.NThreadsBatch = batchThreads;
        }

        if (options.FlashAttention is { } flash)
        {
            parameters.FlashAttnType = flash;
        }

        parameters.NSeqMax = 1;
        return parameters;
    }

    /// <summary>Empties the KV cache so the next sequence starts at position 0.</summary>
    public void ClearMemory()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var lease = new SafeHandleLease(_handle);
        LlamaNative.llama_memory_clear(LlamaNative.llama_get_memory(_handle), true);
        Position = 0;
    }

    /// <summary>Samples the next token from the logits of the last decoded token and feeds it to the sampler's history.</summary>
    public int Sample(LlamaSampler sampler)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return LlamaNative.llama_sampler_sample(sampler.Handle, _handle, -1);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        LlamaNative.llama_batch_free(_batch);
        _batch = default;
        _handle.Dispose();
        NativeMemory.Free(_abortFlag);
    }

    // Polled by ggml's CPU backend between graph nodes; reads a flag, so nothing can throw into native code.
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static byte ShouldAbort(void* data) => data != null && Volatile.Read(ref *(int*)data) != 0 ? (byte)1 : (byte)0;
}
