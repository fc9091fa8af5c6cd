using Microsoft.ML.OnnxRuntime;

namespace DocRag.Core.Embeddings;

/// <summary>
/// ONNX Runtime's one process-wide environment, created on first use with a logging callback, so ORT's warnings and
/// errors reach the sink set by <see cref="SetLogSink"/> (an ILogger) instead of stderr.
/// </summary>
public static class OnnxEnvironment
{
    private static readonly Lock Gate = new();
    private static readonly DOrtLoggingFunction Callback = OnLog; // kept alive for as long as ORT may call it
    private static Action<OrtLoggingLevel, string>? _sink;
    private static OrtEnv? _env;

    /// <summary>Where ORT's warnings and errors go (for example an ILogger); null drops them.</summary>
    public static void SetLogSink(Action<OrtLoggingLevel, string>? sink) => Volatile.Write(ref _sink, sink);

    /// <summary>ORT's version as the loaded library reports it (for example "1.32.0").</summary>
    public static string Version => Instance.GetVersionString();

    /// <summary>The execution providers compiled into the loaded ORT library (for example <c>CPUExecutionProvider</c>).</summary>
    public static IReadOnlyList<string> AvailableProviders => Instance.GetAvailableProviders();

    internal static OrtEnv Instance => Volatile.Read(ref _env) ?? Create();

    private static OrtEnv Create()
    {
        lock (Gate)
        {
            if (_env is null)
            {
                var options = new EnvironmentCreationOptions
                {
                    logId = "docrag",
                    logLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING,
                    loggingFunction = Callback,
                };
                Volatile.Write(ref _env, OrtEnv.CreateInstanceWithOptions(ref options));
            }

            return _env;
        }
    }

    // Called on ORT's threads: it must never let an exception reach native code.
    private static void OnLog(nint param, OrtLoggingLevel severity, string category, string logId, string codeLocation, string message)
    {
        try
        {
            Volatile.Read(ref _sink)?.Invoke(severity, message);
        }
        catch (Exception)
        {
            // A failing sink loses one log line; it must not take ORT (or the process) down.
        }
    }
}
