namespace DocRag.Core.Text;

/// <summary>
/// A tokenizer-free estimate close to WordPiece/BPE counts on English and Spanish: a word is one token per six
/// letters or part, each punctuation mark one, each CJK character one. Used when no model's tokenizer is loaded.
/// </summary>
public sealed class ApproximateTokenCounter : ITokenCounter
{
    public static ApproximateTokenCounter Instance { get; } = new();

    public int CountTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = 0;
        var word = 0;
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch) && !IsCjk(ch))
            {
                word++;
                continue;
            }

            tokens += WordTokens(word);
            word = 0;
            if (!char.IsWhiteSpace(ch) && !char.IsLowSurrogate(ch))
            {
                tokens++;
            }
        }

        return tokens + WordTokens(word);
    }

    private static int WordTokens(int letters) => letters == 0 ? 0 : 1 + ((letters - 1) / 6);

    private static bool IsCjk(char ch) => ch is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u9FFF') or (>= '\uAC00' and <= '\uD7AF') or (>= '\uF900' and <= '\uFAFF');
}
