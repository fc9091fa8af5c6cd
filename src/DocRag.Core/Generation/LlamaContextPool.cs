using System.Collections.Concurrent;
using DocRag.Native.Llama;

namespace DocRag.Core.Generation;

/// <summary>
/// A small pool of contexts over one shared model. A request holds one context for its whole generation, so no context
/// is ever used by two requests at once; when all are busy, up to <c>maxQueue</c> requests wait and the next is refused.
/// Contexts are created on first need (each allocates a KV cache).
/// </summary>
internal sealed class LlamaContextPool : IDisposable
{
    private readonly Func<LlamaContext> _create;
    private readonly int _maxQueue;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentBag<LlamaContext> _idle = [];
    private int _waiting;
    private int _inUse;
    private bool _disposed;

    public LlamaContextPool(Func<LlamaContext> create, int size, int maxQueue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(maxQueue);
        _create = create;
        Size = size;
        _maxQueue = maxQueue;
        _slots = new SemaphoreSlim(size, size);
    }

    public int Size { get; }

    /// <summary>Requests waiting for a context.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Contexts generating right now.</summary>
    public int InUse => Volatile.Read(ref _inUse);

    public int MaxQueue => _maxQueue;

    /// <summary>Waits for a free context; throws <see cref="GenerationQueueFullException"/> when the queue is full.</summary>
    public async Task<LlamaContextLease> AcquireAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!await _slots.WaitAsync(0, cancellationToken).ConfigureAwait(false))
        {
            var waiting = Interlocked.Increment(ref _waiting);
            try
            {
                if (waiting > _maxQueue)
                {
                    throw new GenerationQueueFullException(waiting - 1, _maxQueue);
                }

                await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }

        Interlocked.Increment(ref _inUse);
        try
        {
            return new LlamaContextLease(this, _idle.TryTake(out var context) ? context : _create());
        }
        catch
        {
            Interlocked.Decrement(ref _inUse);
            _slots.Release();
            throw;
        }
    }

    internal void Return(LlamaContext context)
    {
        if (Volatile.Read(ref _disposed))
        {
            context.Dispose();
        }
        else
        {
            _idle.Add(context);
        }

        Interlocked.Decrement(ref _inUse);
        _slots.Release();
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        Volatile.Write(ref _disposed, true);
        while (_idle.TryTake(out var context))
        {
            context.Dispose();
        }
    }
}
