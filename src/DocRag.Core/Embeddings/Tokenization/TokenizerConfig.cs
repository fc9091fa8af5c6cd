using System.Text.Json;

namespace DocRag.Core.Embeddings.Tokenization;

/// <summary>
/// The settings transformers reads beside the vocabulary: tokenizer_config.json, then special_tokens_map.json, whose
/// special tokens win (as in <c>from_pretrained</c>). Tokens may be written as strings or as <c>{"content": ...}</c> objects.
/// </summary>
internal sealed record TokenizerConfig(
    string? TokenizerClass,
    bool? DoLowerCase,
    bool? StripAccents,
    bool? TokenizeChineseChars,
    int? ModelMaxLength,
    IReadOnlyDictionary<string, string> SpecialTokens)
{
    public const string ConfigFile = "tokenizer_config.json";
    public const string SpecialTokensMapFile = "special_tokens_map.json";

    // transformers writes int(1e30) when a model sets no limit; anything past int range means "no limit".
    private const double NoLimitThreshold = int.MaxValue;

    private static readonly string[] SpecialTokenNames = ["unk_token", "cls_token", "sep_token", "pad_token", "mask_token", "bos_token", "eos_token"];

    public static TokenizerConfig Empty { get; } = new(null, null, null, null, null, new Dictionary<string, string>());

    public bool IsBert => TokenizerClass?.StartsWith("Bert", StringComparison.Ordinal) ?? false;

    public string? Token(string name) => SpecialTokens.TryGetValue(name, out var token) ? token : null;

    public static TokenizerConfig Read(string directory)
    {
        var configPath = Path.Combine(directory, ConfigFile);
        var mapPath = Path.Combine(directory, SpecialTokensMapFile);
        using var config = TokenizerFiles.ReadOptionalJson(configPath);
        using var map = TokenizerFiles.ReadOptionalJson(mapPath);
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        ReadSpecialTokens(configPath, config, tokens);
        ReadSpecialTokens(mapPath, map, tokens);
        if (config is null)
        {
            return new TokenizerConfig(null, null, null, null, null, tokens);
        }

        var root = Object(configPath, config);
        return new TokenizerConfig(
            root.TryGetProperty("tokenizer_class", out var cls) && cls.ValueKind == JsonValueKind.String ? cls.GetString() : null,
            Bool(configPath, root, "do_lower_case"),
            Bool(configPath, root, "strip_accents"),
            Bool(configPath, root, "tokenize_chinese_chars"),
            MaxLength(configPath, root),
            tokens);
    }

    public WordPieceTokenizerOptions ToWordPieceOptions()
    {
        var defaults = new WordPieceTokenizerOptions();
        return defaults with
        {
            Lowercase = DoLowerCase ?? defaults.Lowercase,
            StripAccents = StripAccents,
            HandleChineseChars = TokenizeChineseChars ?? defaults.HandleChineseChars,
            UnknownToken = Token("unk_token") ?? defaults.UnknownToken,
            ClsToken = Token("cls_token") ?? defaults.ClsToken,
            SepToken = Token("sep_token") ?? defaults.SepToken,
            PadToken = Token("pad_token") ?? defaults.PadToken,
            MaskToken = Token("mask_token") ?? defaults.MaskToken,
            ModelMaxLength = ModelMaxLength,
        };
    }

    private static JsonElement Object(string path, JsonDocument document) => document.RootElement.ValueKind == JsonValueKind.Object
        ? document.RootElement
        : throw new InvalidDataException($"{path}: the top level must be an object.");

    private static void ReadSpecialTokens(string path, JsonDocument? document, Dictionary<string, string> tokens)
    {
        if (document is null)
        {
            return;
        }

        var root = Object(path, document);
        foreach (var name in SpecialTokenNames)
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            tokens[name] = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString()!,
                JsonValueKind.Object when value.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String
                    => content.GetString()!,
                _ => throw new InvalidDataException($"{path}: '{name}' must be a string or an object with a 'content' string."),
            };
        }
    }

    private static bool? Bool(string path, JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) ? null
        : value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new InvalidDataException($"{path}: '{name}' must be true, false or null."),
        };

    private static int? MaxLength(string path, JsonElement root)
    {
        if (!root.TryGetProperty("model_max_length", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || value.GetDouble() is var number && (number < 1 || number != Math.Floor(number)))
        {
            throw new InvalidDataException($"{path}: 'model_max_length' must be a positive integer.");
        }

        return value.GetDouble() >= NoLimitThreshold ? null : value.GetInt32();
    }
}
