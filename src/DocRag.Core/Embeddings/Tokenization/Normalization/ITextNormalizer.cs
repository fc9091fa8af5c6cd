namespace DocRag.Core.Embeddings.Tokenization.Normalization;

/// <summary>One normalization step of a Hugging Face tokenizer pipeline (the <c>normalizer</c> of tokenizer.json).</summary>
internal interface ITextNormalizer
{
    /// <summary>The normalized form of <paramref name="text"/> (well-formed UTF-16, never null).</summary>
    string Normalize(string text);
}
