using System.Net;

namespace DocRag.Server.Hosting;

/// <summary>An address the server is configured to listen on, and the setting that asked for it.</summary>
public sealed record ListenAddress(string Url, string Setting)
{
    /// <summary>
    /// True when only this machine can connect: <c>localhost</c>, a loopback IP (127.0.0.0/8, ::1), or a Unix socket or
    /// named pipe. Wildcards (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c>), LAN IPs and other host names (which Kestrel
    /// binds on every interface) are not.
    /// </summary>
    /// <exception cref="FormatException">The URL is not a valid listen address.</exception>
    public bool IsLoopback()
    {
        var address = BindingAddress.Parse(Url);
        if (address.IsUnixPipe || address.IsNamedPipe)
        {
            return true;
        }

        var host = address.Host;
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }
}
