using System.Net;
using DocRag.TestSupport;

namespace DocRag.Cli.Tests.Commands;

public sealed class ServeWebPageTests
{
    [Fact]
    public async Task Serve_FromAnotherFolder_ServesTheWebPageAndItsModules()
    {
        // docrag serve's content root is the current folder; the page must still come from next to the binary.
        using var data = new TempDirectory();
        using var elsewhere = new TempDirectory();
        using var serve = ServeProcess.Start(data.Path, [], workingDirectory: elsewhere.Path);
        await serve.WaitReadyAsync();

        using var page = await serve.Client.GetAsync(new Uri("/", UriKind.Relative));
        using var script = await serve.Client.GetAsync(new Uri("/js/chat.js", UriKind.Relative));
        using var style = await serve.Client.GetAsync(new Uri("/css/app.css", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<title>DocRag</title>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Equal("text/css", style.Content.Headers.ContentType?.MediaType);
    }
}
