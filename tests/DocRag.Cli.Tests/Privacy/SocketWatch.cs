namespace DocRag.Cli.Tests.Privacy;

/// <summary>
/// Reads a process's sockets (<see cref="ProcessSockets"/>) every few milliseconds in the background until disposed,
/// keeping every distinct inet socket seen and every unknown one.
/// </summary>
internal sealed class SocketWatch : IAsyncDisposable
{
    private readonly Dictionary<(long Inode, int ProcessId), SocketEntry> _seen = [];
    private readonly HashSet<string> _unknown = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public SocketWatch(int processId) => _loop = Task.Run(() => LoopAsync(processId));

    public int Snapshots { get; private set; }

    public IReadOnlyList<SocketEntry> Seen
    {
        get
        {
            lock (_seen)
            {
                return _seen.Values.ToList();
            }
        }
    }

    public IReadOnlyList<string> Unknown
    {
        get
        {
            lock (_seen)
            {
                return _unknown.ToList();
            }
        }
    }

    /// <summary>Stops watching (after one last look) and returns.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task LoopAsync(int processId)
    {
        while (true)
        {
            var snapshot = ProcessSockets.Read(processId);
            lock (_seen)
            {
                Snapshots++;
                foreach (var entry in snapshot.Inet)
                {
                    _seen[(entry.Inode, entry.ProcessId)] = entry;
                }

                _unknown.UnionWith(snapshot.Unknown);
            }

            if (_stop.IsCancellationRequested)
            {
                return;
            }

            await Task.Delay(20, CancellationToken.None);
        }
    }
}
