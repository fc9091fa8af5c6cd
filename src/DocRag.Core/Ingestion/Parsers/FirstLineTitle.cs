namespace DocRag.Core.Ingestion.Parsers;

/// <summary>
/// The title rule for plain text and Markdown without a heading: a first paragraph that is one short line (a setext
/// underline of <c>===</c> or <c>---</c> allowed below it), reads as one sentence at most, does not run on (no final
/// comma, colon or semicolon), has no final period (unless a body of several sentences follows, as under an exported
/// abstract's title), and is followed by more text, is how people title notes and exported abstracts.
/// </summary>
internal static class FirstLineTitle
{
    /// <summary>Longest title line, in characters: a paper's title fits, a paragraph does not.</summary>
    public const int MaxChars = 200;

    /// <summary>Most words a title line may have.</summary>
    public const int MaxWords = 30;

    /// <summary>The title <paramref name="firstParagraph"/> makes, or null when it reads as text rather than a title.</summary>
    /// <param name="firstParagraph">The document's first paragraph as written (its lines).</param>
    /// <param name="hasMoreText">Whether anything follows it: a lone line is the text, not its title.</param>
    /// <param name="nextParagraph">The paragraph after it, which decides for a line that ends with a period.</param>
    public static string? Find(string firstParagraph, bool hasMoreText, string? nextParagraph = null)
    {
        ArgumentNullException.ThrowIfNull(firstParagraph);
        if (!hasMoreText)
        {
            return null;
        }

        var lines = firstParagraph.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var line = lines switch
        {
            [var only] => only,
            [var text, var underline] when IsUnderline(underline) => text,
            _ => null,
        };
        if (line is null || line.Length == 0 || line.Length > MaxChars || line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > MaxWords)
        {
            return null;
        }

        if (line[^1] is ',' or ';' or ':' or '-' or '(' || !char.IsLetterOrDigit(line[0]) && line[0] is not ('"' or '\'' or '¿' or '¡' or '(' or '['))
        {
            return null;
        }

        var body = line.TrimEnd('.', ' ');
        if (SentenceEnds(body))
        {
            return null; // two sentences on one line are text
        }

        // No final period, as people title notes; or a one-sentence line with one over a body of several sentences at
        // least three times as long, as exported abstracts (PubMed) title them. A note's first sentence followed by
        // another short one ("Penguins are flightless birds." over "Emperor penguins breed in winter.") stays text.
        return !line.EndsWith('.') || (nextParagraph is { } next && SentenceEnds(next) && next.Length >= 3 * line.Length) ? line : null;
    }

    private static bool IsUnderline(string line) =>
        line.Length >= 3 && (line.All(c => c == '=') || line.All(c => c == '-'));

    /// <summary>Whether <paramref name="text"/> has a sentence end inside it: a period, '!' or '?' followed by a space and a capital.</summary>
    private static bool SentenceEnds(string text)
    {
        for (var i = 1; i + 2 < text.Length; i++)
        {
            if (text[i] is '.' or '!' or '?' && text[i + 1] == ' ' && char.IsUpper(text[i + 2]) && char.IsLower(text[i - 1]))
            {
                return true;
            }
        }

        return false;
    }
}
