namespace DocRag.Cli.Tests.Privacy;

/// <summary>
/// A fact that makes a deliberate outbound connection attempt (to prove the socket watcher sees one); skipped where
/// the machine has no default IPv4 route, since the attempt would then fail before any socket could be seen.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DefaultRouteFactAttribute : FactAttribute
{
    public DefaultRouteFactAttribute() => Skip = HasDefaultRoute() ? null : "no default IPv4 route (/proc/net/route), so no outbound connection can even be attempted";

    private static bool HasDefaultRoute()
    {
        try
        {
            // Columns: Iface Destination Gateway ...; the default route has destination 00000000.
            return File.ReadLines("/proc/net/route").Skip(1).Any(l => l.Split('\t', StringSplitOptions.RemoveEmptyEntries) is [_, "00000000", ..]);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
