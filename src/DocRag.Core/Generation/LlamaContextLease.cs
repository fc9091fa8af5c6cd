using DocRag.Native.Llama;

namespace DocRag.Core.Generation;

/// <summary>Exclusive use of one pooled context until disposed.</summary>
internal sealed class LlamaContextLease(LlamaContextPool pool, LlamaContext context) : IDisposable
{
    private int _returned;

    public LlamaContext Context { get; } = context;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _returned, 1) == 0)
        {
            pool.Return(Context);
        }
    }
}
