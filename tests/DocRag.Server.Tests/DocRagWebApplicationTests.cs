using System.Net;
using System.Net.Http.Headers;
using DocRag.Core.Hosting;
using DocRag.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace DocRag.Server.Tests;

public sealed class DocRagWebApplicationTests
{
    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://[::]:0")]
    [InlineData("http://*:0")]
    public async Task RunAsync_NonLoopbackWithoutKeys_RefusesWithOneLine(string url)
    {
        using var data = new TempDirectory();
        var app = DocRagWebApplication.Create(["--urls", url], [new(DocRagEnvironment.DataKey, data.Path)]);
        using var error = new StringWriter();

        var exitCode = await DocRagWebApplication.RunAsync(app, error);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("docrag: Refusing to listen on " + url, line);
        Assert.Contains("DocRag:Server:ApiKeys", line);
        Assert.Contains("DOCRAG_API_KEYS", line);
    }

    [Fact]
    public async Task RunAsync_BadSetting_NamesItAndExitsWithOne()
    {
        using var data = new TempDirectory();
        var app = DocRagWebApplication.Create(["--urls", "http://127.0.0.1:0"],
            [new(DocRagEnvironment.DataKey, data.Path), new("DocRag:Server:MaxRequestBodyBytes", "0")]);
        using var error = new StringWriter();

        Assert.Equal(1, await DocRagWebApplication.RunAsync(app, error));
        Assert.Contains("DocRag:Server:MaxRequestBodyBytes must be at least 1", error.ToString());
    }

    [Fact]
    public async Task Start_NonLoopbackWithKeys_ServesAndRequiresKey()
    {
        using var data = new TempDirectory();
        var app = DocRagWebApplication.Create(["--urls", "http://0.0.0.0:0"],
        [
            new(DocRagEnvironment.DataKey, data.Path),
            new("DocRag:Server:ApiKeys:0:Name", "ops"),
            new("DocRag:Server:ApiKeys:0:Key", ServerHost.AliceKey),
        ]);
        await using var _ = app;
        await app.StartAsync();
        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        Assert.Equal("0.0.0.0", bound.Host);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{bound.Port}") };

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ServerHost.AliceKey);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        await app.StopAsync();
    }

    [Fact]
    public async Task RunAsync_Cancelled_StopsCleanlyWithZero()
    {
        using var data = new TempDirectory();
        var app = DocRagWebApplication.Create(["--urls", "http://127.0.0.1:0"], [new(DocRagEnvironment.DataKey, data.Path)]);
        var started = new TaskCompletionSource();
        app.Lifetime.ApplicationStarted.Register(started.SetResult);
        var stopped = app.Lifetime.ApplicationStopped;
        using var cancellation = new CancellationTokenSource();
        using var error = new StringWriter();

        var run = DocRagWebApplication.RunAsync(app, error, cancellation.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var client = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(new Uri(address), "/ready"))).StatusCode);
        await cancellation.CancelAsync();

        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("", error.ToString());
        Assert.True(stopped.IsCancellationRequested);
    }

    [Fact]
    public async Task RunAsync_AddressInUse_ReportsOneLine()
    {
        await using var first = await ServerHost.StartAsync();
        using var data = new TempDirectory();
        var app = DocRagWebApplication.Create(["--urls", first.Address.ToString()], [new(DocRagEnvironment.DataKey, data.Path)]);
        using var error = new StringWriter();

        Assert.Equal(1, await DocRagWebApplication.RunAsync(app, error));
        Assert.StartsWith("docrag: ", error.ToString());
        Assert.Contains(first.Address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), error.ToString());
    }

    [Fact]
    public async Task Create_ContentRootElsewhere_ServesThePageFromTheBuildOutput()
    {
        // docrag serve runs from any folder: the page must come from next to the binaries, not from the current folder.
        using var data = new TempDirectory();
        using var elsewhere = new TempDirectory();
        var app = DocRagWebApplication.Create(["--urls", "http://127.0.0.1:0", "--contentRoot", elsewhere.Path], [new(DocRagEnvironment.DataKey, data.Path)]);
        await app.StartAsync();
        try
        {
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
            using var client = new HttpClient { BaseAddress = address };

            using var page = await client.GetAsync(new Uri("/", UriKind.Relative));
            using var script = await client.GetAsync(new Uri("/js/app.js", UriKind.Relative));

            Assert.Equal(Path.Combine(AppContext.BaseDirectory, "wwwroot"), app.Environment.WebRootPath);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Contains("<script type=\"module\" src=\"js/app.js\"></script>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
            Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public void BundledWebRoot_FolderWithoutThePage_IsNull()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.Combine("wwwroot"));

        Assert.Null(DocRagWebApplication.BundledWebRoot(folder.Path));
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "wwwroot"), DocRagWebApplication.BundledWebRoot());
    }
}
