using System.Diagnostics;
using System.Net;
using System.Text.Json;
using DocRag.Cli.Commands;
using DocRag.TestSupport;
using Microsoft.Extensions.Configuration;

namespace DocRag.Cli.Tests.Commands;

public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_InProcess_ServesUntilCancelled()
    {
        using var data = new TempDirectory();
        var port = LoopbackPort.Free();
        using var cancellation = new CancellationTokenSource();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var parse = DocRagCommandLine.Create().Parse(["--data", data.Path, "serve", "--urls", $"http://127.0.0.1:{port}"]);
        parse.InvocationConfiguration.Output = output;
        parse.InvocationConfiguration.Error = error;

        var run = parse.InvokeAsync(cancellationToken: cancellation.Token);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        Assert.Equal(HttpStatusCode.OK, await WaitForReadyAsync(client, run));
        await cancellation.CancelAsync();

        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(180)));
        Assert.Equal("", error.ToString());
    }

    [Fact]
    public async Task Serve_DocsFolderProcess_IndexesTheFolderAsACollectionAndWatchesIt()
    {
        using var data = new TempDirectory();
        using var root = new TempDirectory();
        var docs = Directory.CreateDirectory(root.Combine("handbook")).FullName;
        File.WriteAllText(Path.Combine(docs, "holidays.md"), "# Holidays\n\nTwenty-five days a year.");
        File.WriteAllText(Path.Combine(docs, "vacaciones.md"), "# Vacaciones\n\nVeinticinco días al año.");
        using var serve = ServeProcess.Start(data.Path, [docs], new Dictionary<string, string> { ["DocRag__Ingestion__WatchDebounceMilliseconds"] = "100" });

        await serve.WaitReadyAsync();
        var listed = await DocumentsWhenAsync(serve, total: 2);
        File.WriteAllText(Path.Combine(docs, "expenses.md"), "# Expenses\n\nRefunded within thirty days.");
        var watched = await DocumentsWhenAsync(serve, total: 3);

        Assert.Equal(["holidays.md", "vacaciones.md"], listed.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("path").GetString()));
        Assert.All(watched.GetProperty("items").EnumerateArray(), d => Assert.Equal("handbook", d.GetProperty("collection").GetString()));
        Assert.All(watched.GetProperty("items").EnumerateArray(), d => Assert.Equal("indexed", d.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Serve_MissingDocsFolder_OneLineAndExitTwo()
    {
        using var error = new StringWriter();
        var parse = DocRagCommandLine.Create().Parse(["serve", "--docs", "/no/such/folder-for-docrag"]);
        parse.InvocationConfiguration.Error = error;

        Assert.Equal(2, await parse.InvokeAsync());
        Assert.Equal("docrag: --docs folder '/no/such/folder-for-docrag' does not exist.", error.ToString().Trim());
    }

    [Fact]
    public async Task Serve_NonLoopbackWithoutKeys_RefusesToStart()
    {
        using var data = new TempDirectory();
        using var error = new StringWriter();
        var parse = DocRagCommandLine.Create().Parse(["--data", data.Path, "serve", "--urls", "http://0.0.0.0:0"]);
        parse.InvocationConfiguration.Error = error;

        Assert.Equal(1, await parse.InvokeAsync());
        Assert.StartsWith("docrag: Refusing to listen on http://0.0.0.0:0", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Overrides_DocsFoldersBecomeIngestionFolders()
    {
        using var docs = new TempDirectory();
        using var more = new TempDirectory();

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(ServeCommand.Overrides("/srv/data", null, "http://127.0.0.1:6000", [docs.Path, more.Path]))
            .Build();

        Assert.Equal([docs.Path, more.Path], configuration.GetSection("DocRag:Ingestion:Folders").GetChildren().Select(f => f["Path"]));
        Assert.Equal("http://127.0.0.1:6000", configuration["urls"]);
        Assert.Equal("/srv/data", configuration["DocRag:DataDirectory"]);
    }

    [Fact]
    public async Task Serve_Process_CtrlCStopsCleanly()
    {
        using var data = new TempDirectory();
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "docrag.dll"), "--data", data.Path, "serve", "--urls", $"http://127.0.0.1:{port}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            Assert.Equal(HttpStatusCode.OK, await WaitForReadyAsync(client, process.WaitForExitAsync()));

            using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(180));
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("Application is shutting down", await stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", await stderr, StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }


    /// <summary>Polls /ready until the server answers (or the run ends, which fails the test).</summary>
    private static async Task<HttpStatusCode> WaitForReadyAsync(HttpClient client, Task run)
    {
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (DateTime.UtcNow < deadline && !run.IsCompleted)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/ready", UriKind.Relative));
                return response.StatusCode;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException(run.IsCompleted ? "serve exited before it answered" : "serve did not answer within 60 s");
    }

    /// <summary>GET /v1/documents until it lists <paramref name="total"/> documents.</summary>
    private static async Task<JsonElement> DocumentsWhenAsync(ServeProcess serve, int total)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            using var document = JsonDocument.Parse(await serve.Client.GetStringAsync(new Uri("/v1/documents", UriKind.Relative)));
            if (document.RootElement.GetProperty("total").GetInt32() == total)
            {
                return document.RootElement.Clone();
            }

            Assert.True(DateTime.UtcNow < deadline, $"expected {total} documents; the server said {document.RootElement}\n{serve.Output}");
            await Task.Delay(100);
        }
    }
}
