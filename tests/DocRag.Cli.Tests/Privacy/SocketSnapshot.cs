namespace DocRag.Cli.Tests.Privacy;

/// <summary>What one look at a process's sockets (<see cref="ProcessSockets.Read"/>) found.</summary>
/// <param name="Inet">Its TCP, UDP and raw sockets, IPv4 and IPv6.</param>
/// <param name="LocalSockets">Unix and netlink sockets: they cannot leave the machine.</param>
/// <param name="Unknown">Sockets in no table read (packet sockets, say): treated as a breach.</param>
internal sealed record SocketSnapshot(IReadOnlyList<SocketEntry> Inet, int LocalSockets, IReadOnlyList<string> Unknown)
{
    public IEnumerable<SocketEntry> NotLoopback => Inet.Where(e => !e.IsLoopbackOnly);
}
