using DocRag.Native.Llama;
using Microsoft.Extensions.Logging;

namespace DocRag.Core.Generation;

/// <summary>
/// Sends llama.cpp's log lines to ILogger (category <c>DocRag.Llama</c>) instead of stderr. llama.cpp's INFO is very
/// chatty (every metadata key of every load), so it maps to Debug; its DEBUG to Trace.
/// </summary>
public static class LlamaLogBridge
{
    public const string Category = "DocRag.Llama";

    /// <summary>Routes llama.cpp's log to <paramref name="loggerFactory"/> (process-wide; the last call wins).</summary>
    public static void Attach(ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var logger = loggerFactory.CreateLogger(Category);
        LlamaLog.SetSink((level, line) =>
        {
            var mapped = Map(level);
            if (logger.IsEnabled(mapped))
            {
                Log.LlamaLine(logger, mapped, line);
            }
        });
    }

    public static LogLevel Map(GgmlLogLevel level) => level switch
    {
        GgmlLogLevel.Error => LogLevel.Error,
        GgmlLogLevel.Warn => LogLevel.Warning,
        GgmlLogLevel.Info => LogLevel.Debug,
        _ => LogLevel.Trace,
    };
}
