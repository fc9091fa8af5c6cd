using DocRag.Core.Models;

namespace DocRag.Core.Embeddings;

/// <summary>
/// What a sentence-transformers / Hugging Face export folder holds: the ONNX file to load and the settings its config
/// files give (pooling, sequence length). A folder written by <c>docrag models pull</c> also has
/// <see cref="ModelManifest.FileName"/>, whose pooling, sequence length, prefixes and languages count where the
/// folder's own config files say nothing. Reading it touches no native code.
/// </summary>
/// <param name="QueryPrefix">The manifest's query prefix; null when the folder has no manifest.</param>
/// <param name="PassagePrefix">The manifest's passage prefix; null when the folder has no manifest.</param>
/// <param name="Languages">The languages the manifest says the model is for (ISO 639-1, or <c>*</c>); null when unknown.</param>
public sealed partial record EmbeddingModelFolder(
    string Directory,
    string ModelPath,
    string? TokenizerFile,
    EmbeddingPooling Pooling,
    int? SentenceBertMaxSequenceLength,
    int? MaxPositionEmbeddings,
    string? ModelType,
    string? QueryPrefix = null,
    string? PassagePrefix = null,
    IReadOnlyList<string>? Languages = null)
{
    public const string PoolingConfigPath = "1_Pooling/config.json";

    private static readonly string[] TokenizerFiles = ["tokenizer.json", "vocab.txt"];
    private static readonly string[] ReducedPrecisionMarks = ["QUANT", "INT8", "UINT8", "Q4", "FP16", "BNB4", "Q8"];

    /// <summary>The folder's own name (for example "all-MiniLM-L6-v2").</summary>
    public string Name => Path.GetFileName(Directory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));

    /// <summary>Whether the folder name marks an e5 model, which expects "query: " / "passage: " prefixes.</summary>
    public bool IsE5 => Name.Contains("e5", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the folder; throws <see cref="EmbeddingModelException"/> naming the file and the problem.</summary>
    public static EmbeddingModelFolder Open(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var dir = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(dir))
        {
            throw new EmbeddingModelException($"The embedding model folder '{dir}' does not exist.");
        }

        var model = FindModelFile(dir)
            ?? throw new EmbeddingModelException($"The embedding model folder '{dir}' has no ONNX file (expected model.onnx or onnx/model.onnx).");
        var tokenizer = FindTokenizerFile(dir)
            ?? throw new EmbeddingModelException($"The embedding model folder '{dir}' has no tokenizer (expected tokenizer.json or vocab.txt).");

        var config = ReadJson(dir, "config.json");
        var sentenceBert = ReadJson(dir, "sentence_bert_config.json");
        var pooling = ReadJson(dir, PoolingConfigPath);
        var manifest = ReadManifest(dir)?.Embedding;
        return new EmbeddingModelFolder(
            dir,
            model,
            tokenizer,
            pooling is not null ? ParsePooling(pooling.Value, Path.Combine(dir, PoolingConfigPath))
                : manifest is not null ? ParseManifestPooling(manifest.Pooling, Path.Combine(dir, ModelManifest.FileName))
                : EmbeddingPooling.Mean,
            GetInt(sentenceBert, "max_seq_length") ?? (manifest?.MaxSequenceLength > 0 ? manifest.MaxSequenceLength : null),
            GetInt(config, "max_position_embeddings"),
            GetString(config, "model_type"),
            manifest?.QueryPrefix,
            manifest?.PassagePrefix,
            manifest?.Languages);
    }

    /// <summary>Whether the model is meant for <paramref name="language"/> (ISO 639-1); null when the folder does not say.</summary>
    public bool? Covers(string language) =>
        Languages is null or { Count: 0 } ? null : Languages.Any(l => l == EmbeddingModelInfo.AnyLanguage || string.Equals(l, language, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when <paramref name="directory"/> holds an ONNX file and tokenizer files (used to discover models).</summary>
    public static bool LooksLikeEmbeddingModel(string directory) =>
        System.IO.Directory.Exists(directory) && FindModelFile(directory) is not null && FindTokenizerFile(directory) is not null;

    /// <summary>
    /// <c>model.onnx</c>, else <c>onnx/model.onnx</c>, else another .onnx file there, preferring full-precision ones over
    /// quantized or fp16 variants.
    /// </summary>
    public static string? FindModelFile(string directory)
    {
        foreach (var candidate in new[] { Path.Combine(directory, "model.onnx"), Path.Combine(directory, "onnx", "model.onnx") })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        var others = new[] { directory, Path.Combine(directory, "onnx") }
            .Where(System.IO.Directory.Exists)
            .SelectMany(d => System.IO.Directory.EnumerateFiles(d, "*.onnx"))
            .OrderBy(IsReducedPrecision)
            .ThenBy(f => Path.GetFileName(f).StartsWith("model", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(f => f, StringComparer.Ordinal);
        return others.FirstOrDefault();
    }

    private static string? FindTokenizerFile(string directory) =>
        TokenizerFiles.Select(f => Path.Combine(directory, f)).FirstOrDefault(File.Exists);

    private static bool IsReducedPrecision(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path).ToUpperInvariant();
        return ReducedPrecisionMarks.Any(name.Contains);
    }
}
