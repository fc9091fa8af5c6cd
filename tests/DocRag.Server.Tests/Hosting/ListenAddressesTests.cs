using DocRag.Server.Hosting;
using Microsoft.Extensions.Configuration;

namespace DocRag.Server.Tests.Hosting;

public sealed class ListenAddressesTests
{
    [Fact]
    public void FromConfiguration_ReadsUrlsAndKestrelEndpoints()
    {
        var configuration = Build(new()
        {
            ["urls"] = "http://127.0.0.1:5080; http://0.0.0.0:5081",
            ["Kestrel:Endpoints:lan:Url"] = "http://192.168.1.2:5082",
        });

        var addresses = ListenAddresses.FromConfiguration(configuration);

        Assert.Equal(["http://127.0.0.1:5080", "http://0.0.0.0:5081", "http://192.168.1.2:5082"], addresses.Select(a => a.Url));
        Assert.Equal("Kestrel:Endpoints:lan:Url", addresses[2].Setting);
    }

    [Fact]
    public void FromConfiguration_PortsWithoutUrls_AreEveryInterface()
    {
        var addresses = ListenAddresses.FromConfiguration(Build(new() { ["http_ports"] = "8080;8081" }));

        Assert.Equal(["http://*:8080", "http://*:8081"], addresses.Select(a => a.Url));
        Assert.All(addresses, a => Assert.False(a.IsLoopback()));
    }

    [Fact]
    public void FromConfiguration_PortsWithUrls_UrlsWin()
    {
        var addresses = ListenAddresses.FromConfiguration(Build(new() { ["urls"] = "http://127.0.0.1:1", ["http_ports"] = "8080" }));

        Assert.Equal(["http://127.0.0.1:1"], addresses.Select(a => a.Url));
    }

    [Fact]
    public void AnyConfigured_Nothing_False() => Assert.False(ListenAddresses.AnyConfigured(Build([])));

    private static IConfiguration Build(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
