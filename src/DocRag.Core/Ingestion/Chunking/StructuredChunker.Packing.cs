using DocRag.Core.Text;

namespace DocRag.Core.Ingestion.Chunking;

public sealed partial class StructuredChunker
{
    /// <summary>Adds the sentences of text[start..end) as units; a sentence over the limit becomes runs of whole words.</summary>
    private void Units(string text, int start, int end, int page, ITokenCounter counter, List<TextUnit> units)
    {
        foreach (var (s, e) in SentenceSplitter.Split(text, start, end))
        {
            var tokens = counter.CountTokens(text[s..e]);
            if (tokens <= _options.MaxTokens)
            {
                units.Add(new TextUnit(s, e, tokens, page));
                continue;
            }

            var pieceStart = -1;
            var pieceTokens = 0;
            var pieceEnd = s;
            foreach (var (ws, we) in Words(text, s, e))
            {
                var wordTokens = counter.CountTokens(text[ws..we]);
                if (pieceStart >= 0 && pieceTokens + wordTokens > _options.MaxTokens)
                {
                    units.Add(new TextUnit(pieceStart, pieceEnd, pieceTokens, page));
                    pieceStart = -1;
                    pieceTokens = 0;
                }

                if (pieceStart < 0)
                {
                    pieceStart = ws;
                }

                pieceTokens += wordTokens;
                pieceEnd = we;
            }

            if (pieceStart >= 0)
            {
                units.Add(new TextUnit(pieceStart, pieceEnd, pieceTokens, page));
            }
        }
    }

    /// <summary>Packs a section's units into chunks with overlap between consecutive ones.</summary>
    private void Pack(string text, List<TextUnit> units, IReadOnlyList<string> path, ITokenCounter counter, List<DocumentChunk> chunks)
    {
        var i = 0;
        (int Start, int Tokens, int Page)? carry = null;
        while (i < units.Count)
        {
            var tokens = carry?.Tokens ?? 0;
            var j = i;
            while (j < units.Count && ((j == i && carry is null) || tokens + units[j].Tokens <= _options.MaxTokens))
            {
                tokens += units[j].Tokens;
                j++;
            }

            if (j == i)
            {
                carry = null; // the overlap and the next unit do not fit together: start clean
                continue;
            }

            var start = carry?.Start ?? units[i].Start;
            var end = units[j - 1].End;
            var chunkText = text[start..end];
            chunks.Add(new DocumentChunk(chunks.Count, chunkText, path, carry?.Page ?? units[i].Page, units[j - 1].Page, start, end, counter.CountTokens(chunkText)));
            carry = j < units.Count ? Overlap(text, units, i, j, counter) : null;
            i = j;
        }
    }

    /// <summary>Where the next chunk starts: the last whole sentences of units[first..next) within the overlap, else the last words.</summary>
    private (int Start, int Tokens, int Page)? Overlap(string text, List<TextUnit> units, int first, int next, ITokenCounter counter)
    {
        var budget = _options.OverlapTokens;
        if (budget == 0)
        {
            return null;
        }

        var tokens = 0;
        var k = next;
        while (k - 1 > first && tokens + units[k - 1].Tokens <= budget)
        {
            k--;
            tokens += units[k].Tokens;
        }

        if (k < next)
        {
            return (units[k].Start, tokens, units[k].Page);
        }

        var last = units[next - 1];
        int? start = null;
        foreach (var (ws, we) in Enumerable.Reverse(Words(text, last.Start, last.End)))
        {
            var wordTokens = counter.CountTokens(text[ws..we]);
            if (tokens + wordTokens > budget || ws == last.Start)
            {
                break;
            }

            tokens += wordTokens;
            start = ws;
        }

        return start is { } s ? (s, tokens, last.Page) : null;
    }

    private static List<(int Start, int End)> Words(string text, int start, int end)
    {
        var words = new List<(int, int)>();
        var i = start;
        while (i < end)
        {
            while (i < end && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var wordStart = i;
            while (i < end && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i > wordStart)
            {
                words.Add((wordStart, i));
            }
        }

        return words;
    }
}
