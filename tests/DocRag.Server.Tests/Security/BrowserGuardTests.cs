using System.Net;
using System.Text;
using DocRag.Server.Endpoints;
using DocRag.Server.Tests.Problems;
using Microsoft.AspNetCore.Builder;

namespace DocRag.Server.Tests.Security;

/// <summary>The guards that keep web pages on other sites away from a keyless local server.</summary>
public sealed class BrowserGuardTests
{
    [Theory]
    [InlineData("attacker.example")]
    [InlineData("attacker.example:5080")]
    [InlineData("192.168.1.7")]
    public async Task ForeignHostWithoutKeys_421(string hostHeader)
    {
        await using var host = await ServerHost.StartAsync(map: Map);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/test/ping");
        request.Headers.Host = hostHeader;

        using var response = await host.Client.SendAsync(request);

        await ProblemExceptionHandlerTests.ReadProblemAsync(response, HttpStatusCode.MisdirectedRequest, "host-not-allowed");
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1:5080")]
    [InlineData("[::1]:5080")]
    public async Task LoopbackHostWithoutKeys_Served(string hostHeader)
    {
        await using var host = await ServerHost.StartAsync(map: Map);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/test/ping");
        request.Headers.Host = hostHeader;

        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task ForeignHostWithKeys_Served()
    {
        await using var host = await ServerHost.StartAsync(ServerHost.WithKeys(), Map);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/test/ping");
        request.Headers.Host = "docs.intranet.example";
        request.Headers.Authorization = new("Bearer", ServerHost.AliceKey);

        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task CrossSiteFormPost_403()
    {
        await using var host = await ServerHost.StartAsync(map: Map);

        using var response = await host.Client.SendAsync(FormPost("https://attacker.example"));

        await ProblemExceptionHandlerTests.ReadProblemAsync(response, HttpStatusCode.Forbidden, "cross-origin-forbidden");
    }

    [Fact]
    public async Task SameOriginPost_AndPostWithoutOrigin_Served()
    {
        await using var host = await ServerHost.StartAsync(map: Map);

        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(FormPost(host.Address.GetLeftPart(UriPartial.Authority)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(FormPost(null))).StatusCode);
    }

    [Fact]
    public async Task PostFromConfiguredCorsOrigin_Served()
    {
        await using var host = await ServerHost.StartAsync(
            new Dictionary<string, string?> { ["DocRag:Server:Cors:AllowedOrigins:0"] = "https://intranet.example" }, Map);

        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(FormPost("https://intranet.example"))).StatusCode);
    }

    private static HttpRequestMessage FormPost(string? origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/test/form")
        {
            Content = new StringContent("a=b", Encoding.UTF8, "text/plain"),
        };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return request;
    }

    private static void Map(WebApplication app)
    {
        var v1 = app.MapV1Group();
        v1.MapGet("/test/ping", () => "pong");
        v1.MapPost("/test/form", () => "stored");
    }
}
