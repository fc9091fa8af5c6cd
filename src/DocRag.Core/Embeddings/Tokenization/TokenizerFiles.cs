using System.Text.Json;

namespace DocRag.Core.Embeddings.Tokenization;

/// <summary>Reads the files of a tokenizer folder; a missing or malformed file is an error that names it.</summary>
internal static class TokenizerFiles
{
    public static string[] ReadVocabularyLines(string path)
    {
        RequireFile(path);
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0)
        {
            throw new InvalidDataException($"{path}: the vocabulary file is empty.");
        }

        return lines;
    }

    public static JsonDocument ReadJson(string path)
    {
        RequireFile(path);
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not valid JSON ({ex.Message})", ex);
        }
    }

    /// <summary>An optional JSON file: null when it does not exist.</summary>
    public static JsonDocument? ReadOptionalJson(string path) => File.Exists(path) ? ReadJson(path) : null;

    private static void RequireFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Tokenizer file not found: {path}", path);
        }
    }
}
