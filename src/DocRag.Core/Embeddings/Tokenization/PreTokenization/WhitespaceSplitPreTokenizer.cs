namespace DocRag.Core.Embeddings.Tokenization.PreTokenization;

/// <summary>Splits on whitespace, which is removed.</summary>
internal sealed class WhitespaceSplitPreTokenizer : IPreTokenizer
{
    public void Split(TextSplit split, List<TextSplit> output)
    {
        var span = split.Span;
        var wordStart = -1;
        for (var i = 0; i < span.Length;)
        {
            var rune = UnicodeText.RuneAt(span, i, out var length);
            if (UnicodeText.IsWhitespace(rune))
            {
                if (wordStart >= 0)
                {
                    output.Add(split.Slice(wordStart, i - wordStart));
                    wordStart = -1;
                }
            }
            else if (wordStart < 0)
            {
                wordStart = i;
            }

            i += length;
        }

        if (wordStart >= 0)
        {
            output.Add(split.Slice(wordStart, span.Length - wordStart));
        }
    }
}
