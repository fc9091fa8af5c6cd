using System.Globalization;

namespace DocRag.Server.Hosting;

/// <summary>
/// The addresses Kestrel will be asked to listen on, read from configuration before start: <c>urls</c> (from
/// <c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>DOTNET_URLS</c>), else <c>HTTP_PORTS</c>/<c>HTTPS_PORTS</c> (every
/// interface), plus each <c>Kestrel:Endpoints:NAME:Url</c>.
/// </summary>
public static class ListenAddresses
{
    public const string UrlsKey = "urls";
    public const string HttpPortsKey = "http_ports";
    public const string HttpsPortsKey = "https_ports";
    public const string KestrelEndpointsKey = "Kestrel:Endpoints";

    /// <summary>True when any listen address is configured at all (else DocRag applies its loopback default).</summary>
    public static bool AnyConfigured(IConfiguration configuration) => FromConfiguration(configuration).Count > 0;

    public static IReadOnlyList<ListenAddress> FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var addresses = new List<ListenAddress>();
        var urls = configuration[UrlsKey];
        if (!string.IsNullOrWhiteSpace(urls))
        {
            addresses.AddRange(Split(urls, ';').Select(u => new ListenAddress(u, "--urls / ASPNETCORE_URLS")));
        }
        else
        {
            // Kestrel binds these ports on every interface when no urls are set.
            AddPorts(addresses, configuration[HttpPortsKey], "http", "HTTP_PORTS");
            AddPorts(addresses, configuration[HttpsPortsKey], "https", "HTTPS_PORTS");
        }

        foreach (var endpoint in configuration.GetSection(KestrelEndpointsKey).GetChildren())
        {
            var url = endpoint["Url"];
            if (!string.IsNullOrWhiteSpace(url))
            {
                addresses.Add(new(url.Trim(), $"{KestrelEndpointsKey}:{endpoint.Key}:Url"));
            }
        }

        return addresses;
    }

    private static void AddPorts(List<ListenAddress> addresses, string? ports, string scheme, string setting)
    {
        if (string.IsNullOrWhiteSpace(ports))
        {
            return;
        }

        foreach (var port in Split(ports, ';', ','))
        {
            addresses.Add(new(string.Create(CultureInfo.InvariantCulture, $"{scheme}://*:{port}"), setting));
        }
    }

    private static string[] Split(string value, params char[] separators) =>
        value.Split(separators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
