using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace DocRag.Native.Llama;

/// <summary>
/// Routes llama.cpp's and ggml's log output (which otherwise goes to stderr) to a sink, one complete line at a time.
/// Installed before the backends load; with no sink set, lines are dropped.
/// </summary>
public static unsafe class LlamaLog
{
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
            LlamaNative.llama_log_set(&OnLog, null);
        }
    }

    // Native code calls this; nothing may be thrown back into it, so every failure is swallowed here.
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnLog(GgmlLogLevel level, byte* text, void* userData)
    {
        try
        {
            Append(level, Marshal.PtrToStringUTF8((nint)text) ?? string.Empty);
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
