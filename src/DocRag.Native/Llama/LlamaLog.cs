using System.Text;
using LLama.Native;

namespace DocRag.Native.Llama;

/// <summary>
/// Routes llama.cpp's and ggml's log output (which otherwise goes to stderr) to a sink, one complete line at a time,
/// through LLamaSharp's log callback. Installed before the library loads; with no sink set, lines are dropped.
/// </summary>
public static class LlamaLog
{
    private static readonly NativeLogConfig.LLamaLogCallback Callback = OnLog; // kept alive while llama.cpp may call it
    private static Action<GgmlLogLevel, string>? _sink;
    private static int _installed;

    [ThreadStatic]
    private static StringBuilder? _pending;

    [ThreadStatic]
    private static GgmlLogLevel _pendingLevel;

    /// <summary>Sends every complete log line to <paramref name="sink"/> (null drops them). The sink must be thread-safe.</summary>
    public static void SetSink(Action<GgmlLogLevel, string>? sink)
    {
        Volatile.Write(ref _sink, sink);
        EnsureInstalled();
    }

    /// <summary>Points llama.cpp's logger at <see cref="OnLog"/>; later calls do nothing.</summary>
    internal static void EnsureInstalled()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 0)
        {
            NativeLogConfig.llama_log_set(Callback);
        }
    }

    // Native code calls this; nothing may be thrown back into it, so every failure is swallowed here.
    private static void OnLog(LLamaLogLevel level, string message)
    {
        try
        {
            Append((GgmlLogLevel)(int)level, message ?? string.Empty);
        }
        catch (Exception)
        {
            _pending = null;
        }
    }

    private static void Append(GgmlLogLevel level, string text)
    {
        var pending = _pending ??= new StringBuilder();
        if (level != GgmlLogLevel.Continue && pending.Length == 0)
        {
            _pendingLevel = level;
        }

        pending.Append(text);
        if (pending.Length == 0 || pending[^1] != '\n')
        {
            return;
        }

        var lines = pending.ToString();
        pending.Clear();
        foreach (var line in lines.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Emit(_pendingLevel, line);
        }
    }

    private static void Emit(GgmlLogLevel level, string line)
    {
        LlamaLogCapture.Record(level, line);
        Volatile.Read(ref _sink)?.Invoke(level, line);
    }
}
