namespace DocRag.Core.Embeddings.Tokenization.Models;

/// <summary>The vocabulary model of a tokenizer (the <c>model</c> of tokenizer.json): turns one word into ids.</summary>
internal interface ITokenModel
{
    int VocabularySize { get; }

    /// <summary>Appends the ids of <paramref name="word"/> (a non-empty pre-tokenized piece) to <paramref name="ids"/>.</summary>
    void Tokenize(ReadOnlySpan<char> word, List<int> ids);

    /// <summary>The id of a vocabulary entry, or null.</summary>
    int? TokenToId(string token);
}
