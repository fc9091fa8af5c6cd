namespace DocRag.Core.Embeddings.Tokenization.Normalization;

/// <summary>Normalizers applied one after the other.</summary>
internal sealed class SequenceNormalizer(IReadOnlyList<ITextNormalizer> normalizers) : ITextNormalizer
{
    public string Normalize(string text, ref bool leadingAligned)
    {
        foreach (var normalizer in normalizers)
        {
            text = normalizer.Normalize(text, ref leadingAligned);
        }

        return text;
    }
}
