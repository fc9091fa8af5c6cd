using System.Net;
using DocRag.TestSupport;
using Microsoft.AspNetCore.Hosting;

namespace DocRag.Server.Tests.Security;

public sealed class SecurityHeadersMiddlewareTests
{
    [Fact]
    public async Task WebPage_ServedWithoutKeyWithSecurityHeaders()
    {
        using var webRoot = new TempDirectory();
        webRoot.WriteText("index.html", "<!doctype html><title>DocRag</title>");
        using var factory = new DocRagFactory(ServerHost.WithKeys());
        using var client = factory.WithWebHostBuilder(b => b.UseWebRoot(webRoot.Path)).CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<title>DocRag</title>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorResponses_KeepSecurityHeaders_ApiIsNotCached()
    {
        using var factory = new DocRagFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/v1/nothing-here", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(response.Headers.CacheControl!.NoStore);
    }
}
