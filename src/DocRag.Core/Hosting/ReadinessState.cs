namespace DocRag.Core.Hosting;

/// <summary>The process-wide <see cref="IReadinessState"/> (a singleton registered by <c>AddDocRag</c>).</summary>
public sealed class ReadinessState : IReadinessState
{
    private readonly Lock _lock = new();
    private readonly List<PendingComponent> _pending = [];
    private ReadinessStatus _current = ReadinessStatus.Ready;

    public bool IsReady => Volatile.Read(ref _current).IsReady;

    public ReadinessStatus Current => Volatile.Read(ref _current);

    public void SetNotReady(string component, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(component);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        lock (_lock)
        {
            var index = _pending.FindIndex(p => p.Component == component);
            if (index >= 0)
            {
                _pending[index] = new(component, reason);
            }
            else
            {
                _pending.Add(new(component, reason));
            }

            Publish();
        }
    }

    public void SetReady(string component)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(component);
        lock (_lock)
        {
            if (_pending.RemoveAll(p => p.Component == component) > 0)
            {
                Publish();
            }
        }
    }

    // Readers get an immutable snapshot without taking the lock.
    private void Publish() => Volatile.Write(ref _current, _pending.Count == 0 ? ReadinessStatus.Ready : new([.. _pending]));
}
