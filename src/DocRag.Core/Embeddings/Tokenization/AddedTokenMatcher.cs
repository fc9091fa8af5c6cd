namespace DocRag.Core.Embeddings.Tokenization;

/// <summary>
/// Finds added tokens in text, leftmost-longest and without overlap (the Aho-Corasick matching of Hugging Face's added
/// vocabulary), honouring single_word, lstrip and rstrip.
/// </summary>
internal sealed class AddedTokenMatcher
{
    private readonly Dictionary<char, AddedToken[]> _byFirstChar;

    public AddedTokenMatcher(IEnumerable<AddedToken> tokens)
    {
        // Longest first, so the first candidate that matches at a position is the longest one.
        _byFirstChar = tokens
            .Where(t => t.Content.Length > 0)
            .GroupBy(t => t.Content[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(t => t.Content.Length).ToArray());
    }

    public bool IsEmpty => _byFirstChar.Count == 0;

    /// <summary>Appends to <paramref name="output"/> the segments of <paramref name="text"/>: plain text (no token) or one matched token.</summary>
    public void Split(string text, List<TextSegment> output)
    {
        if (IsEmpty)
        {
            output.Add(new TextSegment(0, text.Length, null));
            return;
        }

        var consumed = 0;
        var position = 0;
        while (position < text.Length)
        {
            var token = MatchAt(text, position);
            if (token is null)
            {
                position++;
                continue;
            }

            var start = position;
            var stop = position + token.Content.Length;
            position = stop;
            if (token.SingleWord && !IsSingleWord(text, start, stop))
            {
                continue;
            }

            if (token.LeftStrip)
            {
                var newStart = start;
                while (newStart > 0 && char.IsWhiteSpace(text[newStart - 1]))
                {
                    newStart--;
                }

                start = Math.Max(newStart, consumed);
            }

            if (token.RightStrip)
            {
                while (stop < text.Length && char.IsWhiteSpace(text[stop]))
                {
                    stop++;
                }
            }

            if (consumed < start)
            {
                output.Add(new TextSegment(consumed, start - consumed, null));
            }

            output.Add(new TextSegment(start, stop - start, token));
            consumed = stop;
        }

        if (consumed < text.Length || text.Length == 0)
        {
            output.Add(new TextSegment(consumed, text.Length - consumed, null));
        }
    }

    private AddedToken? MatchAt(string text, int position)
    {
        if (!_byFirstChar.TryGetValue(text[position], out var candidates))
        {
            return null;
        }

        var rest = text.AsSpan(position);
        foreach (var candidate in candidates)
        {
            if (rest.StartsWith(candidate.Content, StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool IsSingleWord(string text, int start, int stop)
    {
        var span = text.AsSpan();
        var startsWord = start == 0 || !IsWordCharBefore(span, start);
        var endsWord = stop == span.Length || !UnicodeText.IsWordCharacter(UnicodeText.RuneAt(span, stop, out _));
        return startsWord && endsWord;
    }

    private static bool IsWordCharBefore(ReadOnlySpan<char> span, int index)
    {
        var previous = index >= 2 && char.IsLowSurrogate(span[index - 1]) && char.IsHighSurrogate(span[index - 2]) ? index - 2 : index - 1;
        return UnicodeText.IsWordCharacter(UnicodeText.RuneAt(span, previous, out _));
    }
}
