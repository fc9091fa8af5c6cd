using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DocRag.Server.Tests;

/// <summary>A logger provider that keeps every message (formatted, with its exception) for assertions.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<Entry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>Every message with its exception's text, for "never logged" checks.</summary>
    public string AllText => string.Join('\n', Entries.Select(e => $"{e.Category} {e.Message} {e.Exception}"));

    public void Dispose()
    {
    }

    public sealed record Entry(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception);

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue(new(category, logLevel, eventId, formatter(state, exception), exception));
    }
}
