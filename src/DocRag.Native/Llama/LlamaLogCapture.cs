namespace DocRag.Native.Llama;

/// <summary>
/// Collects the warning and error lines llama.cpp logs on the current thread while it is open, so a failed call
/// (a model that does not load) can say why in its exception.
/// </summary>
internal sealed class LlamaLogCapture : IDisposable
{
    [ThreadStatic]
    private static LlamaLogCapture? _current;

    private readonly LlamaLogCapture? _outer;
    private readonly List<string> _errors = [];

    private LlamaLogCapture()
    {
        _outer = _current;
        _current = this;
    }

    /// <summary>The first error line logged, which names the cause (later ones tend to repeat "failed to load").</summary>
    public string? FirstError => _errors.Count > 0 ? _errors[0] : null;

    public static LlamaLogCapture Begin()
    {
        LlamaLog.EnsureInstalled();
        return new LlamaLogCapture();
    }

    internal static void Record(GgmlLogLevel level, string line)
    {
        if (level == GgmlLogLevel.Error && _current is { } capture && capture._errors.Count < 32)
        {
            capture._errors.Add(line);
        }
    }

    public void Dispose() => _current = _outer;
}
