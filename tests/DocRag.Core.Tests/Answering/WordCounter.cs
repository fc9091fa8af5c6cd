using DocRag.Core.Text;

namespace DocRag.Core.Tests.Answering;

/// <summary>One token per white-space separated word: easy budgets for prompt tests.</summary>
internal sealed class WordCounter : ITokenCounter
{
    public static WordCounter Instance { get; } = new();

    public int CountTokens(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
