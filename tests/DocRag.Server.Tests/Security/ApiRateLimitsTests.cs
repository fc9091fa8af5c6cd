using System.Net;
using System.Net.Http.Json;
using DocRag.Server.Endpoints;
using Microsoft.AspNetCore.Builder;

namespace DocRag.Server.Tests.Security;

public sealed class ApiRateLimitsTests
{
    [Fact]
    public async Task KeyOverItsLimit_429WithRetryAfterProblem()
    {
        var settings = ServerHost.WithKeys();
        settings["DocRag:Server:ApiKeys:1:RequestsPerMinute"] = "2";
        await using var host = await ServerHost.StartAsync(settings, Map);

        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(Get(ServerHost.BobKey))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(Get(ServerHost.BobKey))).StatusCode);
        using var refused = await host.Client.SendAsync(Get(ServerHost.BobKey));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal("rate-limited", (await refused.Content.ReadFromJsonAsync<Problem>())!.Code);
        // Partitioned by key: alice (no limit of her own, no default) is unaffected.
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(Get(ServerHost.AliceKey))).StatusCode);
    }

    [Fact]
    public async Task AnonymousOnLoopback_DefaultLimitPerAddress()
    {
        await using var host = await ServerHost.StartAsync(new Dictionary<string, string?> { ["DocRag:Server:DefaultRequestsPerMinute"] = "1" }, Map);

        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(new Uri("/v1/test/ping", UriKind.Relative))).StatusCode);
        using var refused = await host.Client.GetAsync(new Uri("/v1/test/ping", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        // Health and readiness are not rate limited.
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(new Uri("/ready", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task NoLimitConfigured_NeverRefuses()
    {
        await using var host = await ServerHost.StartAsync(map: Map);

        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(new Uri("/v1/test/ping", UriKind.Relative))).StatusCode);
        }
    }

    private static HttpRequestMessage Get(string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/test/ping");
        request.Headers.Authorization = new("Bearer", key);
        return request;
    }

    private static void Map(WebApplication app) => app.MapV1Group().MapGet("/test/ping", () => "pong");
}
