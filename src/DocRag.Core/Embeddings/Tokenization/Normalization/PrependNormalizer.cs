namespace DocRag.Core.Embeddings.Tokenization.Normalization;

/// <summary>Prepends a fixed string to any non-empty text.</summary>
internal sealed class PrependNormalizer(string prefix) : ITextNormalizer
{
    public string Normalize(string text, ref bool leadingAligned) => text.Length == 0 ? text : prefix + text;
}
