using System.Runtime.InteropServices;
using DocRag.Native.Onnx.Handles;

namespace DocRag.Native.Onnx;

/// <summary>
/// The process's one ONNX Runtime environment (<c>OrtEnv</c>), created on first use and kept for the process's life
/// (every session needs it, and ORT allows only one). ORT's own log lines go to <see cref="SetLogSink"/>.
/// </summary>
public static unsafe class OnnxEnvironment
{
    private static readonly Lock Gate = new();
    private static OrtEnvHandle? _env;
    private static Action<OrtLoggingLevel, string>? _sink;

    /// <summary>Where ORT's warnings and errors go (for example an ILogger); null drops them.</summary>
    public static void SetLogSink(Action<OrtLoggingLevel, string>? sink) => Volatile.Write(ref _sink, sink);

    /// <summary>ORT's build information line (version, git commit, build type).</summary>
    public static string BuildInfo => Marshal.PtrToStringUTF8((nint)OrtApi.GetBuildInfoString()) ?? string.Empty;

    /// <summary>The execution providers compiled into the loaded ORT library (for example <c>CPUExecutionProvider</c>).</summary>
    public static IReadOnlyList<string> GetAvailableProviders()
    {
        byte** names;
        int count;
        OrtStatus.ThrowIfFailed(OrtApi.GetAvailableProviders(&names, &count), "Listing ONNX Runtime's execution providers failed");
        try
        {
            var list = new string[count];
            for (var i = 0; i < count; i++)
            {
                list[i] = Marshal.PtrToStringUTF8((nint)names[i]) ?? string.Empty;
            }

            return list;
        }
        finally
        {
            OrtStatus.ThrowIfFailed(OrtApi.ReleaseAvailableProviders(names, count));
        }
    }

    internal static OrtEnvHandle Handle => _env ?? Create();

    private static OrtEnvHandle Create()
    {
        lock (Gate)
        {
            if (_env is null)
            {
                var handle = new OrtEnvHandle();
                nint env;
                fixed (byte* logId = "docrag"u8)
                {
                    OrtStatus.ThrowIfFailed(
                        OrtApi.CreateEnvWithCustomLogger(&OnLog, 0, OrtLoggingLevel.Warning, logId, &env),
                        "Creating the ONNX Runtime environment failed");
                }

                handle.Attach(env);
                _env = handle;
            }

            return _env;
        }
    }

    // Called on ORT's threads: it must never let an exception reach native code.
    [UnmanagedCallersOnly]
    private static void OnLog(nint param, OrtLoggingLevel severity, byte* category, byte* logId, byte* codeLocation, byte* message)
    {
        try
        {
            var sink = Volatile.Read(ref _sink);
            sink?.Invoke(severity, Marshal.PtrToStringUTF8((nint)message) ?? string.Empty);
        }
        catch (Exception)
        {
            // A failing sink loses one log line; it must not take ORT (or the process) down.
        }
    }
}
