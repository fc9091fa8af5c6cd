using System.Net;

namespace DocRag.Server.Tests.Hosting;

public sealed class ServerServiceCollectionExtensionsTests
{
    [Fact]
    public async Task Cors_NotConfigured_NoCorsHeadersAndPreflightRefused()
    {
        using var factory = new DocRagFactory();
        using var client = factory.CreateClient();

        using var get = new HttpRequestMessage(HttpMethod.Get, "/health");
        get.Headers.Add("Origin", "https://evil.example");
        using var response = await client.SendAsync(get);
        using var preflight = await client.SendAsync(Preflight("https://evil.example"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Cors_Configured_AllowsOnlyThatOrigin()
    {
        using var factory = new DocRagFactory(new Dictionary<string, string?>
        {
            ["DocRag:Server:Cors:AllowedOrigins:0"] = "https://intranet.example",
        });
        using var client = factory.CreateClient();

        using var allowed = await client.SendAsync(Preflight("https://intranet.example"));
        using var other = await client.SendAsync(Preflight("https://evil.example"));

        Assert.Equal("https://intranet.example", Assert.Single(allowed.Headers.GetValues("Access-Control-Allow-Origin")));
        var headers = string.Join(",", allowed.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        Assert.Contains("authorization", headers, StringComparison.Ordinal);
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/v1/search");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return request;
    }
}
