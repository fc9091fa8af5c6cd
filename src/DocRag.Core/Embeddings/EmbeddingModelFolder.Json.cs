using System.Text.Json;
using DocRag.Core.Models;

namespace DocRag.Core.Embeddings;

/// <summary>Reading the folder's JSON config files.</summary>
public sealed partial record EmbeddingModelFolder
{
    private static readonly string[] UnsupportedPoolingFlags = ["pooling_mode_mean_sqrt_len_tokens", "pooling_mode_weightedmean_tokens", "pooling_mode_lasttoken"];

    private static JsonElement? ReadJson(string directory, string relativePath)
    {
        var path = Path.Combine(directory, relativePath);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new EmbeddingModelException($"'{path}' is not a JSON object.");
            }

            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new EmbeddingModelException($"'{path}' is not valid JSON: {ex.Message}", ex);
        }
    }

    private static ModelManifest? ReadManifest(string directory)
    {
        try
        {
            return ModelManifest.TryRead(directory);
        }
        catch (InvalidDataException ex)
        {
            throw new EmbeddingModelException(ex.Message, ex);
        }
    }

    private static EmbeddingPooling ParseManifestPooling(string pooling, string path) => pooling.ToLowerInvariant() switch
    {
        "mean" => EmbeddingPooling.Mean,
        "cls" => EmbeddingPooling.Cls,
        "max" => EmbeddingPooling.Max,
        _ => throw new EmbeddingModelException($"'{path}' asks for pooling '{pooling}'; supported: mean, cls, max."),
    };

    private static int? GetInt(JsonElement? json, string property) =>
        json is { } j && j.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n > 0
            ? n
            : null;

    private static string? GetString(JsonElement? json, string property) =>
        json is { } j && j.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool GetFlag(JsonElement json, string property) =>
        json.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.True;

    private static EmbeddingPooling ParsePooling(JsonElement json, string path)
    {
        var modes = new List<EmbeddingPooling>();
        if (GetFlag(json, "pooling_mode_cls_token") || GetString(json, "pooling_mode") == "cls")
        {
            modes.Add(EmbeddingPooling.Cls);
        }

        if (GetFlag(json, "pooling_mode_mean_tokens") || GetString(json, "pooling_mode") == "mean")
        {
            modes.Add(EmbeddingPooling.Mean);
        }

        if (GetFlag(json, "pooling_mode_max_tokens") || GetString(json, "pooling_mode") == "max")
        {
            modes.Add(EmbeddingPooling.Max);
        }

        var unsupported = UnsupportedPoolingFlags
            .Where(p => GetFlag(json, p))
            .ToList();
        if (unsupported.Count > 0 || modes.Count > 1)
        {
            throw new EmbeddingModelException(
                $"'{path}' asks for pooling DocRag does not support ({string.Join(", ", unsupported.Concat(modes.Select(m => m.ToString())))}); supported: exactly one of mean, cls, max.");
        }

        return modes.Count == 0 ? EmbeddingPooling.Mean : modes[0];
    }
}
