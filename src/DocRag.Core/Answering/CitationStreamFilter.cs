using System.Globalization;
using System.Text;

namespace DocRag.Core.Answering;

/// <summary>
/// Checks the <c>[n]</c> markers of generated text as it streams. A marker whose numbers are all passages that were
/// given passes unchanged; one with some unknown numbers is rewritten to the known ones; one with none is removed with
/// the white space before it. White space and an open bracket are held back until it is clear what follows, so the
/// streamed pieces joined are exactly the final text. <c>[1, 2]</c>, <c>[1,2]</c> and <c>[1-3]</c> are markers;
/// anything else in brackets is left as it is.
/// </summary>
internal sealed class CitationStreamFilter(int passageCount)
{
    private const int MaxMarkerLength = 32;
    private const int MaxRange = 20;

    private readonly StringBuilder _held = new();
    private readonly StringBuilder _output = new();
    private readonly List<int> _used = [];
    private readonly List<int> _removed = [];
    private int _bracket = -1; // index of '[' in _held; -1 when no marker is open

    /// <summary>Passage numbers the text cites, in order of first use.</summary>
    public IReadOnlyList<int> Used => _used;

    /// <summary>Numbers the text cited that were not given (each time it did), removed from the text.</summary>
    public IReadOnlyList<int> Removed => _removed;

    /// <summary>Everything emitted so far.</summary>
    public string Text => _output.ToString();

    /// <summary>Feeds generated text; returns what can be passed on now (maybe empty).</summary>
    public string Append(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var emitted = new StringBuilder();
        foreach (var ch in text)
        {
            Feed(ch, emitted);
        }

        _output.Append(emitted);
        return emitted.ToString();
    }

    /// <summary>The end of the text: whatever was held back (an unfinished marker stays as it was written).</summary>
    public string Flush()
    {
        var rest = _held.ToString();
        _held.Clear();
        _bracket = -1;
        _output.Append(rest);
        return rest;
    }

    private void Feed(char ch, StringBuilder emitted)
    {
        if (_bracket >= 0)
        {
            if (ch == ']')
            {
                _held.Append(ch);
                Resolve(emitted);
                return;
            }

            if ((char.IsAsciiDigit(ch) || ch is ',' or ' ' or '-') && _held.Length - _bracket < MaxMarkerLength)
            {
                _held.Append(ch);
                return;
            }

            // Not a marker after all: pass it on and look at this character afresh.
            emitted.Append(_held);
            _held.Clear();
            _bracket = -1;
        }

        if (ch == '[')
        {
            _bracket = _held.Length;
            _held.Append(ch);
        }
        else if (char.IsWhiteSpace(ch))
        {
            _held.Append(ch);
        }
        else
        {
            emitted.Append(_held).Append(ch);
            _held.Clear();
        }
    }

    private void Resolve(StringBuilder emitted)
    {
        var space = _held.ToString(0, _bracket);
        var marker = _held.ToString(_bracket, _held.Length - _bracket);
        _held.Clear();
        _bracket = -1;
        var numbers = Parse(marker.AsSpan(1, marker.Length - 2));
        if (numbers is null)
        {
            emitted.Append(space).Append(marker); // "[]", "[,]": brackets, not a citation
            return;
        }

        var valid = numbers.Where(n => n >= 1 && n <= passageCount).Distinct().ToList();
        _removed.AddRange(numbers.Where(n => n < 1 || n > passageCount));
        foreach (var n in valid.Where(n => !_used.Contains(n)))
        {
            _used.Add(n);
        }

        if (valid.Count == numbers.Count)
        {
            emitted.Append(space).Append(marker);
        }
        else if (valid.Count > 0)
        {
            emitted.Append(space).Append('[').AppendJoin(", ", valid).Append(']');
        }
    }

    /// <summary>The numbers of a marker's inside ("1, 2", "3-5"); null when it is not a list of numbers.</summary>
    internal static List<int>? Parse(ReadOnlySpan<char> inside)
    {
        var numbers = new List<int>();
        foreach (var range in inside.ToString().Split(',', StringSplitOptions.TrimEntries))
        {
            var dash = range.IndexOf('-', StringComparison.Ordinal);
            if (dash < 0)
            {
                if (!TryNumber(range, out var n))
                {
                    return null;
                }

                numbers.Add(n);
            }
            else if (TryNumber(range[..dash].Trim(), out var from) && TryNumber(range[(dash + 1)..].Trim(), out var to) && from <= to && to - from < MaxRange)
            {
                numbers.AddRange(Enumerable.Range(from, to - from + 1));
            }
            else
            {
                return null;
            }
        }

        return numbers;
    }

    private static bool TryNumber(string text, out int value)
    {
        value = 0;
        return text.Length is > 0 and <= 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
