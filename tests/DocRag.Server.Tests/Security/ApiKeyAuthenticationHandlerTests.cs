using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DocRag.Server.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DocRag.Server.Tests.Security;

public sealed class ApiKeyAuthenticationHandlerTests
{
    [Fact]
    public async Task V1Route_NoKey_401WithBearerChallengeAndProblem()
    {
        await using var host = await StartAsync();

        using var response = await host.Client.GetAsync(new Uri("/v1/test/whoami", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        var problem = await response.Content.ReadFromJsonAsync<Problem>();
        Assert.Equal("api-key-missing", problem!.Code);
        Assert.Equal("https://docrag.dev/problems/api-key-missing", problem.Type);
    }

    [Theory]
    [InlineData("Bearer", "wrong-key-0123456789abcdef")]
    [InlineData("Bearer", ServerHost.AliceKey + "x")]
    [InlineData("Bearer", "alice-key-0123456789abcde")]
    public async Task V1Route_WrongKey_401Invalid(string scheme, string key)
    {
        await using var host = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/test/whoami");
        request.Headers.Authorization = new AuthenticationHeaderValue(scheme, key);

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal("api-key-invalid", (await response.Content.ReadFromJsonAsync<Problem>())!.Code);
    }

    [Fact]
    public async Task V1Route_BearerKey_200AsThatKey()
    {
        await using var host = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/test/whoami");
        request.Headers.Authorization = new AuthenticationHeaderValue("bearer", ServerHost.BobKey);

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("bob", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task V1Route_XApiKeyHeader_200()
    {
        await using var host = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/test/whoami");
        request.Headers.Add("X-Api-Key", ServerHost.AliceKey);

        using var response = await host.Client.SendAsync(request);

        Assert.Equal("alice", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenRoutes_NoKey_200()
    {
        await using var host = await StartAsync();

        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(new Uri("/ready", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task V1Route_NoKeysConfiguredOnLoopback_Open()
    {
        await using var host = await ServerHost.StartAsync(map: MapWhoAmI);

        using var response = await host.Client.GetAsync(new Uri("/v1/test/whoami", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("(anonymous)", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EnvironmentKey_Accepted()
    {
        await using var host = await ServerHost.StartAsync(
            new Dictionary<string, string?> { ["DOCRAG_API_KEYS"] = "ci:ci-key-0123456789abcdef" }, MapWhoAmI);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/test/whoami");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "ci-key-0123456789abcdef");

        Assert.Equal("ci", await (await host.Client.SendAsync(request)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Logs_NeverContainKeysOrBodies()
    {
        using var logs = new LogCapture();
        var settings = ServerHost.WithKeys();
        settings["Logging:LogLevel:Default"] = "Trace";
        await using var host = await ServerHost.StartAsync(settings, app =>
        {
            app.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
            MapWhoAmI(app);
            app.MapV1Group().MapPost("/test/body", (BodyRequest request) => request.Text.Length);
        });
        const string wrongKey = "wrong-key-do-not-log-0123456789";
        const string secretText = "confidential-document-text";

        foreach (var key in new[] { ServerHost.AliceKey, ServerHost.BobKey, wrongKey })
        {
            using var get = new HttpRequestMessage(HttpMethod.Get, "/v1/test/whoami");
            get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            await host.Client.SendAsync(get);
            using var post = new HttpRequestMessage(HttpMethod.Post, "/v1/test/body") { Content = JsonContent.Create(new BodyRequest(secretText)) };
            post.Headers.Add("X-Api-Key", key);
            await host.Client.SendAsync(post);
        }

        Assert.Contains(logs.Entries, e => e.EventId.Id == 1002);
        var text = logs.AllText;
        Assert.DoesNotContain(ServerHost.AliceKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(ServerHost.BobKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(secretText, text, StringComparison.Ordinal);
    }

    private sealed record BodyRequest(string Text);

    private static Task<ServerHost> StartAsync() => ServerHost.StartAsync(ServerHost.WithKeys(), MapWhoAmI);

    private static void MapWhoAmI(WebApplication app) =>
        app.MapV1Group().MapGet("/test/whoami", (HttpContext context) => context.User.Identity?.Name ?? "(anonymous)");
}
