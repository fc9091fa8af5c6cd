using System.Net;
using System.Net.Sockets;

namespace DocRag.Cli.Tests.Privacy;

/// <summary>
/// The socket detector the no-outbound-network test relies on, proved on this test process: it must see a deliberate
/// connection attempt to a non-local address, and a socket open on all interfaces, and must pass loopback ones.
/// </summary>
public sealed class ProcessSocketsTests
{
    /// <summary>TEST-NET-2 (RFC 5737): documentation-only, never a real host.</summary>
    private static readonly IPAddress Outside = IPAddress.Parse("198.51.100.1");

    [DefaultRouteFact]
    public async Task Read_OutboundConnectAttempt_IsReportedAsNotLoopback()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        // Not awaited: the attempt (SYN sent, or connected through whatever answers) is what must be seen.
        var attempt = socket.ConnectAsync(new IPEndPoint(Outside, 9), cancel.Token).AsTask();

        var seen = await PollAsync(s => s.Inet.Any(e => e.Remote.Address.Equals(Outside)));

        Assert.False(attempt.IsFaulted, $"the connect attempt failed before it could be observed: {attempt.Exception?.GetBaseException().Message}");
        var entry = Assert.Single(seen.Inet, e => e.Remote.Address.Equals(Outside));
        Assert.False(entry.IsLoopbackOnly);
        Assert.Contains(entry, seen.NotLoopback);
        await cancel.CancelAsync();
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    public void Read_ListenerOnAllInterfaces_IsReportedAsNotLoopback(string address)
    {
        using var listener = new TcpListener(IPAddress.Parse(address), 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var snapshot = ProcessSockets.Read(Environment.ProcessId);

        var entry = Assert.Single(snapshot.Inet, e => e.Local.Port == port && e.State == "0A");
        Assert.Contains(entry, snapshot.NotLoopback);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task Read_LoopbackListenerAndConnection_AreLoopbackOnly(string address)
    {
        using var listener = new TcpListener(IPAddress.Parse(address), 0);
        listener.Start();
        var endPoint = (IPEndPoint)listener.LocalEndpoint;
        using var client = new TcpClient(endPoint.AddressFamily);
        await client.ConnectAsync(endPoint);
        using var accepted = await listener.AcceptTcpClientAsync();

        var snapshot = ProcessSockets.Read(Environment.ProcessId);

        var mine = snapshot.Inet.Where(e => e.Local.Port == endPoint.Port || e.Remote.Port == endPoint.Port).ToList();
        Assert.Equal(3, mine.Count); // the listener, the client end, the accepted end
        Assert.All(mine, e => Assert.True(e.IsLoopbackOnly, e.ToString()));
        Assert.All(mine, e => Assert.Equal(endPoint.Address, e.Local.Address));
    }

    [Theory]
    [InlineData("0100007F:1F90", "127.0.0.1:8080")]
    [InlineData("00000000000000000000000001000000:0050", "[::1]:80")]
    [InlineData("0000000000000000FFFF00000100007F:01BB", "[::ffff:127.0.0.1]:443")]
    public void ParseEndPoint_KernelHexForm_IsTheAddress(string hex, string expected)
    {
        Assert.Equal(IPEndPoint.Parse(expected), ProcessSockets.ParseEndPoint(hex));
    }

    private static async Task<SocketSnapshot> PollAsync(Func<SocketSnapshot, bool> done)
    {
        var snapshot = ProcessSockets.Read(Environment.ProcessId);
        for (var i = 0; i < 100 && !done(snapshot); i++)
        {
            await Task.Delay(50);
            snapshot = ProcessSockets.Read(Environment.ProcessId);
        }

        return snapshot;
    }
}
