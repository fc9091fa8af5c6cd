using System.Text.Json;
using DocRag.Core.Embeddings.Tokenization.Models;
using DocRag.Core.Embeddings.Tokenization.Normalization;

namespace DocRag.Core.Embeddings.Tokenization.Json;

/// <summary>
/// Reads a Hugging Face <c>tokenizer.json</c> into a <see cref="TokenizerPipeline"/>: the WordPiece and Unigram models
/// and the normalizers, pre-tokenizers and post-processors those use. Anything else is refused with a message naming it.
/// </summary>
internal static partial class TokenizerJsonReader
{
    public static TokenizerDefinition Read(string path, Func<BertNormalizer, BertNormalizer>? bertOverride = null)
    {
        using var document = TokenizerFiles.ReadJson(path);
        var root = new JsonFields(path, "", document.RootElement);
        if (root.Element.ValueKind != JsonValueKind.Object)
        {
            throw root.Invalid("the top level must be an object");
        }

        var modelFields = root.Object("model");
        var modelType = modelFields.OptionalString("type") ?? InferModelType(modelFields);
        ITokenModel model = modelType switch
        {
            "WordPiece" => ReadWordPiece(modelFields),
            "Unigram" => ReadUnigram(modelFields),
            _ => throw new NotSupportedException(
                $"{path}: tokenizer model type '{modelType}' is not supported; DocRag reads WordPiece (BERT) and Unigram (SentencePiece) tokenizers."),
        };

        var added = root.Has("added_tokens") ? root.Array("added_tokens").Select(ReadAddedToken).ToList() : [];
        var normalizer = root.OptionalObject("normalizer") is { } n ? ReadNormalizer(n) : null;
        if (bertOverride is not null && normalizer is BertNormalizer bert)
        {
            normalizer = bertOverride(bert);
        }

        var preTokenizer = root.OptionalObject("pre_tokenizer") is { } p ? ReadPreTokenizer(p) : null;
        var postProcessor = root.OptionalObject("post_processor") is { } post ? ReadPostProcessor(post) : PostProcessor.None;
        var padding = root.OptionalObject("padding");
        var pipeline = new TokenizerPipeline(model, added, normalizer, preTokenizer, postProcessor);
        return new TokenizerDefinition(modelType, pipeline, padding?.OptionalInt("pad_id"), padding?.OptionalString("pad_token"));
    }

    // Files written before "type" was serialized: tell the models apart by their fields.
    private static string InferModelType(JsonFields model) =>
        model.Has("merges") ? "BPE"
        : model.Has("vocab") && model.Element.GetProperty("vocab").ValueKind == JsonValueKind.Array ? "Unigram"
        : model.Has("continuing_subword_prefix") || model.Has("max_input_chars_per_word") ? "WordPiece"
        : throw model.Invalid("'model.type' is missing and the model kind cannot be told from its fields");

    private static AddedToken ReadAddedToken(JsonFields token)
    {
        var id = token.OptionalInt("id") ?? throw token.Invalid($"'{token.Path}.id' is missing");
        return new AddedToken(
            id,
            token.String("content"),
            token.BoolOr("single_word", false),
            token.BoolOr("lstrip", false),
            token.BoolOr("rstrip", false),
            token.BoolOr("normalized", false),
            token.BoolOr("special", false));
    }

    private static WordPieceModel ReadWordPiece(JsonFields model)
    {
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var vocab = model.Object("vocab");
        foreach (var entry in vocab.Element.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.Number || !entry.Value.TryGetInt32(out var id) || id < 0)
            {
                throw model.Invalid($"'model.vocab' entry '{entry.Name}' must have a non-negative integer id");
            }

            vocabulary[entry.Name] = id;
        }

        var unknown = model.StringOr("unk_token", "[UNK]");
        if (!vocabulary.ContainsKey(unknown))
        {
            throw model.Invalid($"the unknown token '{unknown}' (model.unk_token) is not in model.vocab");
        }

        return new WordPieceModel(vocabulary, unknown, model.StringOr("continuing_subword_prefix", "##"), model.IntOr("max_input_chars_per_word", 100));
    }
}
