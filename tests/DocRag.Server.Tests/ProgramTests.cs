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
        var logs = new LogCapture();
        using var factory = new DocRagFactory();
        using var app = factory.WithWebHostBuilder(b => b
            .ConfigureLogging(l => l.AddProvider(logs))
            .ConfigureServices(s => s.AddHostedService<FailingService>()));
        using var client = app.CreateClient();

        await logs.Faulted.Task.WaitAsync(TimeSpan.FromSeconds(30));

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

    private sealed class LogCapture : ILoggerProvider, ILogger
    {
        public TaskCompletionSource Faulted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is InvalidOperationException { Message: "watcher failed" })
            {
                Faulted.TrySetResult();
            }
        }

        public void Dispose()
        {
        }
    }
}
