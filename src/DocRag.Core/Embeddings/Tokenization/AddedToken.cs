namespace DocRag.Core.Embeddings.Tokenization;

/// <summary>
/// A token matched in the text before the model runs (special tokens such as [CLS] or &lt;mask&gt;, and added
/// vocabulary), with the flags of tokenizer.json's <c>added_tokens</c>.
/// </summary>
internal sealed record AddedToken(
    int Id,
    string Content,
    bool SingleWord = false,
    bool LeftStrip = false,
    bool RightStrip = false,
    bool Normalized = false,
    bool Special = true);
