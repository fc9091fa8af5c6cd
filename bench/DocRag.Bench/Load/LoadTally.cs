using System.Collections.Concurrent;
using DocRag.Bench.Search;

namespace DocRag.Bench.Load;

/// <summary>
/// What the clients saw, kept per request kind: requests sent, responses by status, transport errors, latencies of
/// successful answers, and 429s (with and without <c>Retry-After</c>). Thread-safe.
/// </summary>
internal sealed class LoadTally
{
    private readonly ConcurrentDictionary<(LoadRequestKind Kind, int Status), int> _statuses = new();
    private readonly ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<(LoadRequestKind Kind, double Milliseconds, TimeSpan Completed)> _latencies = [];
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly ConcurrentDictionary<(LoadRequestKind Kind, int Status), string> _firstBodies = new();
    private long _sent;
    private long _answered;
    private long _busyWithoutRetryAfter;

    public long Sent => Interlocked.Read(ref _sent);

    public long Answered => Interlocked.Read(ref _answered);

    /// <summary>Sent but never answered with an HTTP status (transport errors and timeouts included).</summary>
    public long Lost => Sent - Answered;

    public long BusyWithoutRetryAfter => Interlocked.Read(ref _busyWithoutRetryAfter);

    public IReadOnlyDictionary<string, int> Errors => _errors;

    public void RecordSent() => Interlocked.Increment(ref _sent);

    /// <summary>The body of the first response of each failing (kind, status), to say what went wrong.</summary>
    public IReadOnlyDictionary<(LoadRequestKind Kind, int Status), string> FirstFailureBodies => _firstBodies;

    public void RecordAnswer(LoadRequestKind kind, int status, double milliseconds, bool hasRetryAfter, string? body = null)
    {
        if (status >= 400 && body is not null)
        {
            _firstBodies.TryAdd((kind, status), body.Length > 300 ? body[..300] : body);
        }

        Interlocked.Increment(ref _answered);
        _statuses.AddOrUpdate((kind, status), 1, (_, n) => n + 1);
        if (status is >= 200 and < 300)
        {
            _latencies.Add((kind, milliseconds, _clock.Elapsed));
        }
        else if (status == 429 && !hasRetryAfter)
        {
            Interlocked.Increment(ref _busyWithoutRetryAfter);
        }
    }

    public void RecordError(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        _errors.AddOrUpdate($"{error.GetType().Name}: {error.Message}", 1, (_, n) => n + 1);
    }

    public int Count(LoadRequestKind kind, Func<int, bool> status) =>
        _statuses.Where(p => p.Key.Kind == kind && status(p.Key.Status)).Sum(p => p.Value);

    public int ServerErrors => _statuses.Where(p => p.Key.Status >= 500).Sum(p => p.Value);

    public IEnumerable<(LoadRequestKind Kind, int Status, int Count)> Statuses =>
        _statuses.OrderBy(p => p.Key.Kind).ThenBy(p => p.Key.Status).Select(p => (p.Key.Kind, p.Key.Status, p.Value));

    /// <summary>Successful answers of this kind that arrived within <paramref name="window"/> of the tally's creation.</summary>
    public int SucceededWithin(LoadRequestKind kind, TimeSpan window) => _latencies.Count(l => l.Kind == kind && l.Completed <= window);

    public LatencyStats Latency(LoadRequestKind kind) => new(_latencies.Where(l => l.Kind == kind).Select(l => l.Milliseconds));
}
