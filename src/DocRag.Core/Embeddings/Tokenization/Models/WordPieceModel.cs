namespace DocRag.Core.Embeddings.Tokenization.Models;

/// <summary>
/// WordPiece: greedy longest-match-first over the vocabulary, continuation pieces carrying a prefix ("##"); a word
/// longer than <c>max_input_chars_per_word</c> characters, or with any part not in the vocabulary, is one [UNK].
/// </summary>
internal sealed class WordPieceModel : ITokenModel
{
    private readonly Dictionary<string, int> _vocabulary;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _starts;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _continuations;
    private readonly int _unknownId;
    private readonly int _maxInputCharsPerWord;

    public WordPieceModel(Dictionary<string, int> vocabulary, string unknownToken, string continuingSubwordPrefix, int maxInputCharsPerWord)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(continuingSubwordPrefix);
        if (!vocabulary.TryGetValue(unknownToken, out _unknownId))
        {
            throw new ArgumentException($"The unknown token '{unknownToken}' is not in the vocabulary.", nameof(unknownToken));
        }

        _vocabulary = vocabulary.Comparer == StringComparer.Ordinal ? vocabulary : new Dictionary<string, int>(vocabulary, StringComparer.Ordinal);
        _starts = _vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();

        // Continuation pieces are looked up without their prefix, so a candidate is a slice of the word, never a new string.
        var continuations = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (token, id) in _vocabulary)
        {
            if (token.StartsWith(continuingSubwordPrefix, StringComparison.Ordinal))
            {
                continuations[token[continuingSubwordPrefix.Length..]] = id;
            }
        }

        _continuations = continuations.GetAlternateLookup<ReadOnlySpan<char>>();
        _maxInputCharsPerWord = maxInputCharsPerWord;
    }

    public int VocabularySize => _vocabulary.Count;

    public int? TokenToId(string token) => _vocabulary.TryGetValue(token, out var id) ? id : null;

    public void Tokenize(ReadOnlySpan<char> word, List<int> ids)
    {
        if (UnicodeText.CountChars(word) > _maxInputCharsPerWord)
        {
            ids.Add(_unknownId);
            return;
        }

        var firstId = ids.Count;
        var start = 0;
        while (start < word.Length)
        {
            var lookup = start == 0 ? _starts : _continuations;
            var end = word.Length;
            var found = -1;
            while (start < end)
            {
                if (lookup.TryGetValue(word[start..end], out var id))
                {
                    found = id;
                    break;
                }

                // Step back one character, never into the middle of a surrogate pair.
                end -= end - 2 >= start && char.IsLowSurrogate(word[end - 1]) && char.IsHighSurrogate(word[end - 2]) ? 2 : 1;
            }

            if (found < 0)
            {
                ids.RemoveRange(firstId, ids.Count - firstId);
                ids.Add(_unknownId);
                return;
            }

            ids.Add(found);
            start = end;
        }
    }
}
