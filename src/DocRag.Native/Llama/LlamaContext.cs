using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using LLama.Exceptions;
using LLama.Native;

namespace DocRag.Native.Llama;

/// <summary>
/// An inference context: one KV cache holding a single sequence. Not thread-safe: one thread at a time. Decoding can be
/// cancelled mid-batch through llama.cpp's abort callback.
/// </summary>
public sealed unsafe partial class LlamaContext : IDisposable
{
    private readonly SafeLLamaContextHandle _handle;
    private readonly int* _abortFlag;
    private readonly LLamaBatch _batch = new();
    private bool _disposed;

    internal LlamaContext(LlamaModel model, LlamaContextOptions options)
    {
        Model = model;
        var parameters = CreateParams(options);
        _abortFlag = (int*)NativeMemory.AllocZeroed(sizeof(int));
        parameters.abort_callback = (nint)(delegate* unmanaged[Cdecl]<void*, byte>)&ShouldAbort;
        parameters.abort_callback_user_data = (nint)_abortFlag;
        using var capture = LlamaLogCapture.Begin();
        try
        {
            _handle = SafeLLamaContextHandle.Create(model.Handle, parameters);
        }
        catch (RuntimeError ex)
        {
            NativeMemory.Free(_abortFlag);
            throw new LlamaException($"llama.cpp could not create a context of {parameters.n_ctx} tokens: {capture.FirstError ?? "no reason given"}", ex);
        }

        ContextSize = (int)_handle.ContextSize;
        BatchSize = (int)_handle.BatchSize;
    }

    public LlamaModel Model { get; }

    /// <summary>LLamaSharp's handle, for what this layer does not wrap.</summary>
    public SafeLLamaContextHandle Handle => _handle;

    /// <summary>The context length actually allocated (llama.cpp may round the requested size).</summary>
    public int ContextSize { get; }

    /// <summary>The most tokens one decode call submits at once.</summary>
    public int BatchSize { get; }

    /// <summary>Number of tokens in the KV cache: the position the next decoded token gets.</summary>
    public int Position { get; private set; }

    /// <summary>The parameters the constructor passes: llama.cpp's defaults with the options applied.</summary>
    internal static LLamaContextParams CreateParams(LlamaContextOptions options)
    {
        var parameters = LLamaContextParams.Default();
        parameters.n_ctx = (uint)Math.Max(0, options.ContextSize);
        parameters.n_batch = (uint)Math.Max(1, options.BatchSize);
        if (options.MicroBatchSize is { } ubatch)
        {
            parameters.n_ubatch = (uint)Math.Max(1, ubatch);
        }

        if (options.Threads is { } threads)
        {
            parameters.n_threads = threads;
            parameters.n_threads_batch = threads;
        }

        if (options.BatchThreads is { } batchThreads)
        {
            parameters.n_threads_batch = batchThreads;
        }

        parameters.n_seq_max = 1;
        parameters.no_perf = true;
        return parameters;
    }

    /// <summary>Empties the KV cache so the next sequence starts at position 0.</summary>
    public void ClearMemory()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _handle.MemoryClear(data: true);
        Position = 0;
    }

    /// <summary>Samples the next token from the logits of the last decoded token and feeds it to the sampler's history.</summary>
    public int Sample(LlamaSampler sampler)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return (int)sampler.Handle.Sample(_handle, -1);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _handle.Dispose();
        NativeMemory.Free(_abortFlag);
    }

    // Polled by ggml's CPU backend between graph nodes; reads a flag, so nothing can throw into native code.
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static byte ShouldAbort(void* data) => data != null && Volatile.Read(ref *(int*)data) != 0 ? (byte)1 : (byte)0;
}
