using DocRag.Core.Embeddings.Tokenization.Models;
using DocRag.Core.Embeddings.Tokenization.Normalization;
using DocRag.Core.Embeddings.Tokenization.PreTokenization;

namespace DocRag.Core.Embeddings.Tokenization;

/// <summary>
/// BERT's WordPiece tokenizer (BertNormalizer, BertPreTokenizer, WordPiece, <c>[CLS] ... [SEP]</c>), id for id the same
/// as Hugging Face tokenizers. Build it with <see cref="TokenizerLoader.Load"/>, <see cref="FromVocabFile"/> or from a
/// vocabulary list.
/// </summary>
public sealed class WordPieceTokenizer : ITextTokenizer
{
    private readonly TokenizerPipeline _pipeline;

    /// <summary>A tokenizer over <paramref name="vocabulary"/> (the id of a token is its index; a repeated token keeps its last index).</summary>
    public WordPieceTokenizer(IReadOnlyList<string> vocabulary, WordPieceTokenizerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        options ??= new WordPieceTokenizerOptions();
        var ids = new Dictionary<string, int>(vocabulary.Count, StringComparer.Ordinal);
        for (var i = 0; i < vocabulary.Count; i++)
        {
            ids[vocabulary[i]] = i;
        }

        int Require(string token, string role) => ids.TryGetValue(token, out var id)
            ? id
            : throw new ArgumentException($"The {role} token '{token}' is not in the vocabulary.", nameof(vocabulary));

        var model = new WordPieceModel(ids, options.UnknownToken, options.ContinuingSubwordPrefix, options.MaxInputCharsPerWord);
        var special = new[] { options.PadToken, options.UnknownToken, options.ClsToken, options.SepToken, options.MaskToken }
            .Distinct(StringComparer.Ordinal)
            .Where(ids.ContainsKey)
            .Select(token => new AddedToken(ids[token], token))
            .ToList();
        var post = PostProcessor.Wrap(Require(options.ClsToken, "classifier"), Require(options.SepToken, "separator"));
        _pipeline = new TokenizerPipeline(
            model,
            special,
            new BertNormalizer(options.CleanText, options.HandleChineseChars, options.StripAccents, options.Lowercase),
            new BertPreTokenizer(),
            post);
        PadTokenId = ids.TryGetValue(options.PadToken, out var pad) ? pad : 0;
        ModelMaxLength = options.ModelMaxLength;
    }

    internal WordPieceTokenizer(TokenizerPipeline pipeline, int padTokenId, int? modelMaxLength)
    {
        _pipeline = pipeline;
        PadTokenId = padTokenId;
        ModelMaxLength = modelMaxLength;
    }

    public int PadTokenId { get; }

    public int? ModelMaxLength { get; }

    public int VocabularySize => _pipeline.Model.VocabularySize;

    /// <summary>Reads a BERT <c>vocab.txt</c> (one token per line, the line number is the id).</summary>
    public static WordPieceTokenizer FromVocabFile(string vocabPath, WordPieceTokenizerOptions? options = null)
    {
        var lines = TokenizerFiles.ReadVocabularyLines(vocabPath);
        try
        {
            return new WordPieceTokenizer(lines, options);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException($"{vocabPath}: {ex.Message}", ex);
        }
    }

    /// <summary>Reads a tokenizer.json whose model is WordPiece (the pad id from its padding settings, else [PAD]).</summary>
    public static WordPieceTokenizer FromTokenizerJson(string path) =>
        TokenizerLoader.FromTokenizerJson(path, TokenizerConfig.Empty) as WordPieceTokenizer
        ?? throw new InvalidDataException($"{path}: the model is not WordPiece.");

    public int? TokenToId(string token) => _pipeline.TokenToId(token);

    public EncodedText Encode(string text, int maxTokens) => _pipeline.Encode(text, maxTokens);

    public int CountTokens(string text) => _pipeline.CountTokens(text);
}
