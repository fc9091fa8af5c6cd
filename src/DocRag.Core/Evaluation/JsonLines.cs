using System.Globalization;
using System.Text.Json;

namespace DocRag.Core.Evaluation;

/// <summary>Reads JSON Lines files (one object per line, blank lines skipped), naming file and line in every error.</summary>
internal static class JsonLines
{
    public static IEnumerable<(int Line, JsonElement Value)> Read(string path)
    {
        var name = Path.GetFileName(path);
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonElement value;
            try
            {
                using var document = JsonDocument.Parse(line);
                value = document.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw new EvaluationDataException($"{name} line {number}: not valid JSON ({ex.Message})", ex);
            }

            if (value.ValueKind != JsonValueKind.Object)
            {
                throw new EvaluationDataException($"{name} line {number}: expected a JSON object");
            }

            yield return (number, value);
        }
    }

    /// <summary>A string (or number, written as text) property; null when absent or null.</summary>
    public static string? OptionalString(JsonElement value, params string[] names)
    {
        foreach (var name in names)
        {
            if (value.TryGetProperty(name, out var property))
            {
                switch (property.ValueKind)
                {
                    case JsonValueKind.String:
                        return property.GetString();
                    case JsonValueKind.Number:
                        return property.GetRawText();
                    case JsonValueKind.Null:
                        return null;
                    default:
                        throw new EvaluationDataException($"'{name}' must be a string");
                }
            }
        }

        return null;
    }

    /// <summary>An integer property; null when absent or null.</summary>
    public static int? OptionalInt(JsonElement value, params string[] names)
    {
        foreach (var name in names)
        {
            if (value.TryGetProperty(name, out var property))
            {
                return property.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.Number when property.TryGetInt32(out var n) => n,
                    JsonValueKind.String when int.TryParse(property.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
                    _ => throw new EvaluationDataException($"'{name}' must be a whole number"),
                };
            }
        }

        return null;
    }

    /// <summary>Runs a field read, prefixing its error with the file and line.</summary>
    public static T Field<T>(string path, int line, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (EvaluationDataException ex)
        {
            throw new EvaluationDataException($"{Path.GetFileName(path)} line {line}: {ex.Message}", ex);
        }
    }
}
