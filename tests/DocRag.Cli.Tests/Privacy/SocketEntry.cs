using System.Net;

namespace DocRag.Cli.Tests.Privacy;

/// <summary>One inet socket of a process, from /proc/PID/net/{tcp,udp,raw}{,6}.</summary>
/// <param name="Protocol"><c>tcp</c>, <c>tcp6</c>, <c>udp</c>, <c>udp6</c>, <c>raw</c> or <c>raw6</c>.</param>
/// <param name="State">The kernel's state number in hex (0A = listening, 01 = established, 02 = SYN sent).</param>
internal sealed record SocketEntry(string Protocol, IPEndPoint Local, IPEndPoint Remote, string State, long Inode, int ProcessId)
{
    /// <summary>
    /// True when the socket can only reach this machine: bound to a loopback address and connected to one (or not
    /// connected). A socket bound to all interfaces (0.0.0.0, ::) or talking to any other address is not.
    /// </summary>
    public bool IsLoopbackOnly => IsUnused || (IsLoopback(Local.Address) && (IsAny(Remote) || IsLoopback(Remote.Address)));

    /// <summary>The remote address, IPv4 when the kernel shows it IPv4-mapped (<c>::ffff:a.b.c.d</c> on a dual-mode socket).</summary>
    public IPAddress RemoteHost => Remote.Address.IsIPv4MappedToIPv6 ? Remote.Address.MapToIPv4() : Remote.Address;

    /// <summary>Created but neither bound nor connected: it has not talked to anything yet.</summary>
    private bool IsUnused => Local.Port == 0 && IsAny(Local) && IsAny(Remote);

    public override string ToString() => $"pid {ProcessId} {Protocol} {Local} -> {Remote} state {State} inode {Inode}";

    private static bool IsAny(IPEndPoint endPoint) =>
        endPoint.Port == 0 && (endPoint.Address.Equals(IPAddress.Any) || endPoint.Address.Equals(IPAddress.IPv6Any));

    private static bool IsLoopback(IPAddress address) =>
        IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
}
