namespace DocRag.Core.Text;

/// <summary>
/// Counts tokens the way a model would. Embedders and generators expose one through
/// <c>GetService(typeof(ITokenCounter))</c> so chunking and prompt budgets can count with the real tokenizer.
/// </summary>
public interface ITokenCounter
{
    /// <summary>The number of tokens <paramref name="text"/> becomes, without special tokens.</summary>
    int CountTokens(string text);
}
