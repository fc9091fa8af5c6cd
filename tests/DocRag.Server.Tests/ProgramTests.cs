using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DocRag.Server.Tests;

public sealed class ProgramTests
{
    [Fact]
    public async Task FailingBackgroundService_IsLoggedAndTheServerKeepsServing()
    {
        using var logs = new LogCapture();
        using var factory = new DocRagFactory();
        using var app = factory.WithWebHostBuilder(b => b
            .ConfigureLogging(l => l.AddProvider(logs))
            .ConfigureServices(s => s.AddHostedService<FailingService>()));
        using var client = app.CreateClient();

        // The host logs the failure when it sees the service's task fault.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!logs.Entries.Any(e => e.Exception is InvalidOperationException { Message: "watcher failed" }) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Exception?.Message == "watcher failed");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        Assert.False(app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
    }

    private sealed class FailingService : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            throw new InvalidOperationException("watcher failed");
        }
    }
}
