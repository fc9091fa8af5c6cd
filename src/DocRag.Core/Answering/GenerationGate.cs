using DocRag.Core.Hosting;

namespace DocRag.Core.Answering;

/// <summary>
/// Bounds answer generation whatever the generator is (local or remote): at most <c>maxConcurrent</c> at a time and
/// <c>maxQueued</c> waiting; one more is refused at once with <see cref="ServiceBusyException"/> (HTTP 429).
/// </summary>
internal sealed class GenerationGate(int maxConcurrent, int maxQueued, TimeSpan retryAfter) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(maxConcurrent, maxConcurrent);
    private int _waiting;

    /// <summary>Requests waiting for a slot.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Takes a slot, waiting in the queue if there is room; dispose the result to give the slot back.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken = default)
    {
        if (!await _slots.WaitAsync(0, cancellationToken).ConfigureAwait(false))
        {
            if (Interlocked.Increment(ref _waiting) > maxQueued)
            {
                Interlocked.Decrement(ref _waiting);
                throw new ServiceBusyException(
                    $"Too many answers are being generated ({maxConcurrent} running, {maxQueued} waiting). Try again shortly.", retryAfter);
            }

            try
            {
                await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }

        return new Slot(_slots);
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
