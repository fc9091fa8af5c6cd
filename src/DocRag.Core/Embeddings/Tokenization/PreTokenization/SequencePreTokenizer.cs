namespace DocRag.Core.Embeddings.Tokenization.PreTokenization;

/// <summary>Pre-tokenizers applied in turn, each to every piece the previous one made.</summary>
internal sealed class SequencePreTokenizer(IReadOnlyList<IPreTokenizer> preTokenizers) : IPreTokenizer
{
    public void Split(TextSplit split, List<TextSplit> output)
    {
        List<TextSplit> current = [split];
        foreach (var preTokenizer in preTokenizers)
        {
            var next = new List<TextSplit>(current.Count * 2);
            foreach (var piece in current)
            {
                preTokenizer.Split(piece, next);
            }

            current = next;
        }

        output.AddRange(current);
    }
}
