namespace DocRag.Core.Embeddings.Tokenization.PreTokenization;

/// <summary>One pre-tokenization step (the <c>pre_tokenizer</c> of tokenizer.json): splits text into words.</summary>
internal interface IPreTokenizer
{
    /// <summary>Appends the non-empty pieces of <paramref name="split"/> to <paramref name="output"/>.</summary>
    void Split(TextSplit split, List<TextSplit> output);
}
