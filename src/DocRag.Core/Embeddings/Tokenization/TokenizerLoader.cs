using DocRag.Core.Embeddings.Tokenization.Json;
using DocRag.Core.Embeddings.Tokenization.Normalization;

namespace DocRag.Core.Embeddings.Tokenization;

/// <summary>
/// Loads the tokenizer of a Hugging Face model folder: <c>tokenizer.json</c> when present (WordPiece or Unigram models),
/// else a BERT <c>vocab.txt</c>; special tokens, pad id and <c>model_max_length</c> from tokenizer_config.json and
/// special_tokens_map.json as transformers reads them.
/// </summary>
public static class TokenizerLoader
{
    public const string TokenizerJsonFile = "tokenizer.json";
    public const string VocabFile = "vocab.txt";

    /// <summary>Loads the tokenizer in <paramref name="modelDirectory"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">The folder has neither tokenizer.json nor vocab.txt.</exception>
    /// <exception cref="InvalidDataException">A tokenizer file is malformed (the message names it).</exception>
    /// <exception cref="NotSupportedException">The tokenizer uses a model or component DocRag does not implement (BPE, ...).</exception>
    public static ITextTokenizer Load(string modelDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelDirectory);
        if (!Directory.Exists(modelDirectory))
        {
            throw new DirectoryNotFoundException($"Model folder not found: {modelDirectory}");
        }

        var config = TokenizerConfig.Read(modelDirectory);
        var jsonPath = Path.Combine(modelDirectory, TokenizerJsonFile);
        if (File.Exists(jsonPath))
        {
            return FromTokenizerJson(jsonPath, config);
        }

        var vocabPath = Path.Combine(modelDirectory, VocabFile);
        if (File.Exists(vocabPath))
        {
            return WordPieceTokenizer.FromVocabFile(vocabPath, config.ToWordPieceOptions());
        }

        throw new FileNotFoundException(
            $"No tokenizer in {modelDirectory}: expected {TokenizerJsonFile} (WordPiece or Unigram) or a BERT {VocabFile}.",
            jsonPath);
    }

    internal static ITextTokenizer FromTokenizerJson(string path, TokenizerConfig config)
    {
        var definition = TokenizerJsonReader.Read(path, BertOverride(config));
        var pipeline = definition.Pipeline;
        var padToken = config.Token("pad_token") ?? definition.PadToken;
        var padId = (padToken is null ? null : pipeline.TokenToId(padToken))
            ?? definition.PadId
            ?? pipeline.TokenToId("[PAD]") ?? pipeline.TokenToId("<pad>") ?? 0;
        return definition.ModelType switch
        {
            "WordPiece" => new WordPieceTokenizer(pipeline, padId, config.ModelMaxLength),
            _ => new UnigramTokenizer(pipeline, padId, config.ModelMaxLength),
        };
    }

    // transformers' BertTokenizerFast rebuilds a BertNormalizer from do_lower_case, strip_accents and
    // tokenize_chinese_chars (defaults true, null, true) whenever tokenizer_config.json names a Bert tokenizer.
    private static Func<BertNormalizer, BertNormalizer>? BertOverride(TokenizerConfig config) => !config.IsBert
        ? null
        : normalizer => normalizer with
        {
            Lowercase = config.DoLowerCase ?? true,
            StripAccents = config.StripAccents,
            HandleChineseChars = config.TokenizeChineseChars ?? true,
        };
}
