using DocRag.Core.Text;
using DocRag.Native.Llama;

namespace DocRag.Core.Generation;

/// <summary>Counts tokens with the generator model's own vocabulary (no BOS/EOS).</summary>
public sealed class LlamaTokenCounter(LlamaVocabulary vocabulary) : ITokenCounter
{
    public int CountTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? 0 : vocabulary.CountTokens(text);
    }
}
