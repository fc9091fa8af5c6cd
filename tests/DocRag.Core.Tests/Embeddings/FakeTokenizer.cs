using DocRag.Core.Embeddings.Tokenization;

namespace DocRag.Core.Tests.Embeddings;

/// <summary>
/// A test-only tokenizer for the generator's batching and pooling logic: one id per whitespace-separated word (a stable
/// hash), [CLS]=101 ... [SEP]=102, pad 0, and the final [SEP] kept on truncation. Real tokenizers are tested elsewhere.
/// </summary>
internal sealed class FakeTokenizer(int? modelMaxLength = null) : ITextTokenizer
{
    public int PadTokenId => 0;

    public int? ModelMaxLength => modelMaxLength;

    public List<string> Encoded { get; } = [];

    public int CountTokens(string text) => Words(text).Length;

    public EncodedText Encode(string text, int maxTokens)
    {
        lock (Encoded)
        {
            Encoded.Add(text);
        }

        var words = Words(text);
        var keep = Math.Min(words.Length, maxTokens - 2);
        var ids = new int[keep + 2];
        ids[0] = 101;
        for (var i = 0; i < keep; i++)
        {
            ids[i + 1] = IdOf(words[i]);
        }

        ids[^1] = 102;
        var types = new int[ids.Length];
        return new EncodedText(ids, types);
    }

    private static string[] Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static int IdOf(string word)
    {
        var hash = 17;
        foreach (var c in word)
        {
            hash = unchecked((hash * 31) + c);
        }

        return 1000 + (int)((uint)hash % 29000);
    }
}
