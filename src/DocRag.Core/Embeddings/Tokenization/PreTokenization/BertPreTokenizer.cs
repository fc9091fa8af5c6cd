namespace DocRag.Core.Embeddings.Tokenization.PreTokenization;

/// <summary>BERT's pre-tokenizer: split on whitespace (removed), then isolate every punctuation character.</summary>
internal sealed class BertPreTokenizer : IPreTokenizer
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
                Flush(split, output, ref wordStart, i);
            }
            else if (UnicodeText.IsBertPunctuation(rune))
            {
                Flush(split, output, ref wordStart, i);
                output.Add(split.Slice(i, length));
            }
            else if (wordStart < 0)
            {
                wordStart = i;
            }

            i += length;
        }

        Flush(split, output, ref wordStart, span.Length);
    }

    private static void Flush(TextSplit split, List<TextSplit> output, ref int wordStart, int end)
    {
        if (wordStart >= 0)
        {
            output.Add(split.Slice(wordStart, end - wordStart));
            wordStart = -1;
        }
    }
}
