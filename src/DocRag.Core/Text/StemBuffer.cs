namespace DocRag.Core.Text;

/// <summary>
/// A word being stemmed in place: a span with a logical length and the suffix operations the Snowball algorithms
/// are written in. The stemmers never make a word longer than it came in, so the span is sized once.
/// </summary>
internal ref struct StemBuffer
{
    private readonly Span<char> _chars;

    public StemBuffer(Span<char> buffer, string word)
    {
        _chars = buffer;
        word.CopyTo(buffer);
        Length = word.Length;
    }

    public int Length { get; private set; }

    public readonly char this[int index]
    {
        get => _chars[index];
        set => _chars[index] = value;
    }

    public readonly bool EndsWith(string suffix) =>
        Length >= suffix.Length && _chars[(Length - suffix.Length)..Length].SequenceEqual(suffix);

    /// <summary>Whether <paramref name="text"/> ends at <paramref name="end"/> (exclusive).</summary>
    public readonly bool EndsWithAt(int end, string text) =>
        end >= text.Length && end <= Length && _chars[(end - text.Length)..end].SequenceEqual(text);

    public readonly bool StartsWith(string prefix) =>
        Length >= prefix.Length && _chars[..prefix.Length].SequenceEqual(prefix);

    public readonly bool Is(string word) => _chars[..Length].SequenceEqual(word);

    /// <summary>
    /// The longest of <paramref name="suffixesLongestFirst"/> the word ends with, starting no earlier than
    /// <paramref name="minStart"/> (Snowball's <c>setlimit</c>); null when none does.
    /// </summary>
    public readonly string? LongestSuffix(string[] suffixesLongestFirst, int minStart = 0)
    {
        foreach (var suffix in suffixesLongestFirst)
        {
            if (Length - suffix.Length >= minStart && EndsWith(suffix))
            {
                return suffix;
            }
        }

        return null;
    }

    public void Truncate(int length) => Length = length;

    /// <summary>Replaces the last <paramref name="suffixLength"/> characters with <paramref name="replacement"/>.</summary>
    public void ReplaceEnd(int suffixLength, string replacement)
    {
        Length -= suffixLength;
        replacement.CopyTo(_chars[Length..]);
        Length += replacement.Length;
    }

    public void RemoveFirst()
    {
        _chars[1..Length].CopyTo(_chars);
        Length--;
    }

    public override readonly string ToString() => new(_chars[..Length]);

    /// <summary>Orders a suffix list longest first, the order <see cref="LongestSuffix"/> expects.</summary>
    public static string[] LongestFirst(params string[] suffixes) =>
        [.. suffixes.OrderByDescending(s => s.Length).ThenBy(s => s, StringComparer.Ordinal)];
}
