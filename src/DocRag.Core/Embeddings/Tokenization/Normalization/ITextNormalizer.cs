namespace DocRag.Core.Embeddings.Tokenization.Normalization;

/// <summary>One normalization step of a Hugging Face tokenizer pipeline (the <c>normalizer</c> of tokenizer.json).</summary>
internal interface ITextNormalizer
{
    /// <summary>
    /// The normalized form of <paramref name="text"/> (well-formed UTF-16, never null). Clears
    /// <paramref name="leadingAligned"/> when characters at the start are dropped, so the first character left no longer
    /// sits at the start of the original text (Metaspace's <c>prepend_scheme: first</c> depends on it).
    /// </summary>
    string Normalize(string text, ref bool leadingAligned);
}
