namespace DocRag.Core.Generation;

/// <summary>
/// Watches streamed text for stop sequences. Text that could still be the start of one is held back until it is
/// clearly not, so a stop sequence split across tokens never leaks into the output.
/// </summary>
internal sealed class StopSequenceMatcher(IReadOnlyList<string> stops)
{
    private readonly string[] _stops = [.. stops.Where(s => !string.IsNullOrEmpty(s))];
    private string _held = string.Empty;

    public bool Stopped { get; private set; }

    /// <summary>Adds generated text; returns what can be emitted now (everything before a stop sequence once one appears).</summary>
    public string Append(string text)
    {
        if (Stopped)
        {
            return string.Empty;
        }

        if (_stops.Length == 0)
        {
            return text;
        }

        var pending = _held + text;
        var cut = -1;
        foreach (var stop in _stops)
        {
            var at = pending.IndexOf(stop, StringComparison.Ordinal);
            if (at >= 0 && (cut < 0 || at < cut))
            {
                cut = at;
            }
        }

        if (cut >= 0)
        {
            Stopped = true;
            _held = string.Empty;
            return pending[..cut];
        }

        var keep = LongestPrefixSuffix(pending);
        _held = pending[^keep..];
        return pending[..^keep];
    }

    /// <summary>The held-back text once generation ended without a stop.</summary>
    public string Flush()
    {
        var rest = Stopped ? string.Empty : _held;
        _held = string.Empty;
        return rest;
    }

    // Length of the longest suffix of text that is a proper prefix of some stop sequence.
    private int LongestPrefixSuffix(string text)
    {
        var best = 0;
        foreach (var stop in _stops)
        {
            for (var n = Math.Min(stop.Length - 1, text.Length); n > best; n--)
            {
                if (text.AsSpan(text.Length - n).SequenceEqual(stop.AsSpan(0, n)))
                {
                    best = n;
                    break;
                }
            }
        }

        return best;
    }
}
