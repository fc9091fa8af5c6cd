namespace DocRag.Core.Ingestion.Chunking;

/// <summary>Sentence ends: . ! ? … (and CJK ones) followed by white space, or a line break; never inside a word.</summary>
internal static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mrs", "Sra", "Srta", "Dra", "Prof", "Inc", "Ltd", "Co", "Fig", "No", "Vol", "etc", "approx", "vs", "cf", "pp", "Ud", "Uds", "Av", "Ing", "Lic",
    };

    /// <summary>The [start, end) ranges of the sentences of text[start..end), trimmed of surrounding white space.</summary>
    public static IEnumerable<(int Start, int End)> Split(string text, int start, int end)
    {
        var sentenceStart = start;
        for (var i = start; i < end; i++)
        {
            var ch = text[i];
            var boundary = ch is '\n'
                || (ch is '.' or '!' or '?' or '…' or ';' && i + 1 < end && char.IsWhiteSpace(text[i + 1]) && !IsAbbreviation(text, sentenceStart, i))
                || ch is '。' or '！' or '？';
            if (boundary)
            {
                if (Trim(text, sentenceStart, i + 1) is { } range)
                {
                    yield return range;
                }

                sentenceStart = i + 1;
            }
        }

        if (Trim(text, sentenceStart, end) is { } last)
        {
            yield return last;
        }
    }

    // "e.g. x", "Dr. Smith", "J. Doe", "3. item": these dots do not end a sentence.
    private static bool IsAbbreviation(string text, int sentenceStart, int dot)
    {
        if (text[dot] != '.')
        {
            return false;
        }

        var wordStart = dot;
        while (wordStart > sentenceStart && !char.IsWhiteSpace(text[wordStart - 1]))
        {
            wordStart--;
        }

        var word = text.AsSpan(wordStart, dot - wordStart);
        return word.Length > 0
            && (word.Contains('.')
                || (word.Length <= 2 && char.IsUpper(word[0]))
                || Abbreviations.Contains(word.ToString())
                || (wordStart == sentenceStart && word.Length <= 3 && char.IsDigit(word[0])));
    }

    private static (int Start, int End)? Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end > start ? (start, end) : null;
    }
}
