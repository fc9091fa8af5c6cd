namespace DocRag.TestSupport.Gguf;

/// <summary>
/// A small SentencePiece-style ("llama") vocabulary: &lt;unk&gt;, &lt;s&gt;, &lt;/s&gt;, the ChatML control tokens, all 256
/// byte tokens (so any UTF-8 text tokenizes), then pieces by falling score, padded with synthetic pieces to the size asked.
/// </summary>
public static class TestLlamaVocabulary
{
    public const int Unknown = 0;
    public const int Bos = 1;
    public const int Eos = 2;
    public const int ImStart = 3;
    public const int ImEnd = 4;

    private const int TypeNormal = 1;
    private const int TypeUnknown = 2;
    private const int TypeControl = 3;
    private const int TypeByte = 6;

    private static readonly string[] Words =
    [
        "the", "a", "and", "of", "to", "in", "is", "was", "it", "that", "for", "on", "with", "as", "you", "he", "she",
        "they", "be", "at", "one", "have", "this", "from", "or", "had", "by", "but", "what", "some", "we", "can", "out",
        "Once", "upon", "time", "there", "little", "girl", "boy", "day", "play", "park", "happy", "big", "red", "ball",
        "el", "la", "de", "que", "en", "los", "las", "un", "una", "por", "con", "para", "es", "año", "niño", "canción",
    ];

    /// <summary>The tokens, their scores and their types (llama_token_type), <paramref name="size"/> of each.</summary>
    public static (string[] Tokens, float[] Scores, int[] Types) Build(int size)
    {
        var tokens = new List<string> { "<unk>", "<s>", "</s>", "<|im_start|>", "<|im_end|>" };
        var types = new List<int> { TypeUnknown, TypeControl, TypeControl, TypeControl, TypeControl };
        for (var b = 0; b < 256; b++)
        {
            tokens.Add($"<0x{b:X2}>");
            types.Add(TypeByte);
        }

        var seen = new HashSet<string>(tokens, StringComparer.Ordinal);
        foreach (var piece in Pieces())
        {
            if (seen.Add(piece))
            {
                tokens.Add(piece);
                types.Add(TypeNormal);
            }
        }

        for (var i = 0; tokens.Count < size; i++)
        {
            var piece = $"\u2581x{i}";
            if (seen.Add(piece))
            {
                tokens.Add(piece);
                types.Add(TypeNormal);
            }
        }

        if (tokens.Count > size)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"The base vocabulary needs at least {tokens.Count} tokens.");
        }

        // SentencePiece merges the highest-scoring pieces first; specials and bytes score 0.
        var scores = types.Select((t, i) => t == TypeNormal ? -(float)i : 0f).ToArray();
        return ([.. tokens], scores, [.. types]);
    }

    private static IEnumerable<string> Pieces()
    {
        yield return "\u2581";
        foreach (var word in Words)
        {
            // SentencePiece builds a word by merging pairs, so every prefix of it must be a piece too.
            for (var n = 1; n <= word.Length; n++)
            {
                yield return "\u2581" + word[..n];
            }
        }

        const string chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,!?'\"-:;()áéíóúñü";
        foreach (var c in chars)
        {
            yield return c.ToString();
        }

        foreach (var c in chars)
        {
            yield return "\u2581" + c;
        }
    }
}
