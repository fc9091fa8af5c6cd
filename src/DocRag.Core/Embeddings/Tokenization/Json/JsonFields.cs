using System.Text.Json;

namespace DocRag.Core.Embeddings.Tokenization.Json;

/// <summary>Typed access to tokenizer JSON fields; a field of the wrong type is an error naming the file and the field.</summary>
internal readonly struct JsonFields(string file, string path, JsonElement element)
{
    public JsonElement Element => element;

    public string Path => path;

    public bool Has(string name) => element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public JsonFields Object(string name)
    {
        var value = Required(name);
        return value.ValueKind == JsonValueKind.Object ? Child(name, value) : throw Invalid($"'{Name(name)}' must be an object");
    }

    public JsonFields? OptionalObject(string name) => Has(name) ? Object(name) : null;

    public IEnumerable<JsonFields> Array(string name)
    {
        var value = Required(name);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Invalid($"'{Name(name)}' must be an array");
        }

        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            yield return new JsonFields(file, $"{Name(name)}[{i++}]", item);
        }
    }

    public string String(string name) => Required(name) is { ValueKind: JsonValueKind.String } value
        ? value.GetString()!
        : throw Invalid($"'{Name(name)}' must be a string");

    public string? OptionalString(string name) => Has(name) ? String(name) : null;

    public string StringOr(string name, string fallback) => OptionalString(name) ?? fallback;

    public bool BoolOr(string name, bool fallback) => OptionalBool(name) ?? fallback;

    public bool? OptionalBool(string name) => !Has(name) ? null
        : Required(name).ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Invalid($"'{Name(name)}' must be true or false"),
        };

    public int IntOr(string name, int fallback) => OptionalInt(name) ?? fallback;

    public int? OptionalInt(string name) => !Has(name) ? null
        : Required(name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number)
            ? number
            : throw Invalid($"'{Name(name)}' must be an integer");

    public string Type() => String("type");

    public InvalidDataException Invalid(string message) => new($"{file}: {message}.");

    public NotSupportedException Unsupported(string what, string type, string supported) =>
        new($"{file}: {what} type '{type}' at '{path}' is not supported (supported: {supported}).");

    public JsonFields Child(string name, JsonElement value) => new(file, Name(name), value);

    private JsonElement Required(string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid($"'{path}' must be an object");
        }

        return element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw Invalid($"'{Name(name)}' is missing");
    }

    private string Name(string name) => path.Length == 0 ? name : $"{path}.{name}";
}
