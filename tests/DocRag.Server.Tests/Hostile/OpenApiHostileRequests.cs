using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace DocRag.Server.Tests.Hostile;

/// <summary>
/// Hostile requests generated from the server's own OpenAPI document, for every operation in it: hostile path ids,
/// each query parameter and each body property (top level, and one level into arrays and objects) set in turn to a
/// wrong type, a huge string, a lone surrogate, NUL, a huge number or deep nesting, repeated query and JSON fields,
/// and whole bodies that are not what the operation takes; multipart operations get hostile fields and file names.
/// A fixed seed orders and caps them, so a run is deterministic and bounded.
/// </summary>
internal static class OpenApiHostileRequests
{
    public const int MaxPerOperation = 150;

    private static readonly string Huge = new('w', 100_000);

    /// <summary>Values for path and query parameters, already escaped for a URL (%ED%A0%80 is a lone surrogate as UTF-8).</summary>
    private static readonly string[] UrlValues =
    [
        "", "0", "-1", "2147483648", "9223372036854775808", "1e400", "NaN", "abc", "true", "%00", "a%00b", "%ED%A0%80", "%FF%FE",
        "..%2F..%2Fetc%2Fpasswd", "%2e%2e", new string('9', 5000), new string('a', 6000),
    ];

    /// <summary>JSON values a property is set to in turn.</summary>
    private static readonly string[] JsonValues =
    [
        "null", "true", "0", "-1", "2147483648", "9223372036854775808", "-9223372036854775809", "1e400", "0.5", "\"\"", "\" \"",
        "\"abc\"", "\"7\"", "\"a\\u0000b\"", "\"a\\ud800b\"", "\"\\udc00\"", "[]", "{}", "[\"a\",\"b\"]", "[{}]", "[null]",
        "\"" + Huge + "\"", Nest(2000),
    ];

    /// <summary>Whole bodies that are not what a JSON operation takes.</summary>
    private static readonly string[] JsonBodies =
    [
        "", "null", "[]", "\"x\"", "123", "{}", "{", "}", "{\"a\":}", "\"\\ud800\"", Nest(100_000), "{\"a\":" + Nest(5000) + "}",
        "{" + string.Join(",", Enumerable.Range(0, 20_000).Select(i => $"\"k{i}\":{i}")) + "}",
    ];

    /// <summary>The generated requests of every operation, grouped by operation (<c>METHOD /path</c>).</summary>
    public static Dictionary<string, List<HttpRequestMessageFactory>> From(JsonElement document, int seed)
    {
        var random = new Random(seed);
        var operations = new Dictionary<string, List<HttpRequestMessageFactory>>(StringComparer.Ordinal);
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var method = new HttpMethod(operation.Name.ToUpperInvariant());
                var all = For(document, path.Name, method, operation.Value).ToList();
                operations[$"{method} {path.Name}"] = [.. all.OrderBy(_ => random.Next()).Take(MaxPerOperation)];
            }
        }

        return operations;
    }

    private static IEnumerable<HttpRequestMessageFactory> For(JsonElement document, string template, HttpMethod method, JsonElement operation)
    {
        var parameters = operation.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
        var query = parameters.Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).ToList();
        var hasPathParameters = template.Contains('{', StringComparison.Ordinal);
        var paths = hasPathParameters ? UrlValues.Select(v => Fill(template, v)).Append(Fill(template, "1")).ToList() : [template];
        var plainPath = Fill(template, "1");

        // The path's own parameters.
        foreach (var path in paths)
        {
            yield return new(method, path, null, null);
        }

        // Each query parameter in turn, then all at once, then each repeated.
        foreach (var name in query)
        {
            foreach (var value in UrlValues)
            {
                yield return new(method, $"{plainPath}?{name}={value}", null, null);
            }

            yield return new(method, $"{plainPath}?{name}=a&{name}=b&{name}=%00", null, null);
        }

        if (query.Count > 0)
        {
            yield return new(method, plainPath + "?" + string.Join("&", query.Select(n => $"{n}=%ED%A0%80")), null, null);
        }

        if (!operation.TryGetProperty("requestBody", out var body) || !body.TryGetProperty("content", out var content))
        {
            yield break;
        }

        if (content.TryGetProperty("application/json", out var json))
        {
            foreach (var request in JsonRequests(document, method, plainPath, Resolve(document, json.GetProperty("schema"))))
            {
                yield return request;
            }
        }

        if (content.TryGetProperty("multipart/form-data", out var form))
        {
            foreach (var request in MultipartRequests(document, method, plainPath, Resolve(document, form.GetProperty("schema"))))
            {
                yield return request;
            }
        }
    }

    private static IEnumerable<HttpRequestMessageFactory> JsonRequests(JsonElement document, HttpMethod method, string url, JsonElement schema)
    {
        foreach (var whole in JsonBodies)
        {
            yield return HttpRequestMessageFactory.Json(method, url, whole);
        }

        yield return new(method, url, "text/plain", Encoding.UTF8.GetBytes(Plausible(document, schema, 0)));
        yield return new(method, url, "application/json", [0x7B, 0x22, 0x71, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0x22, 0x7D]); // invalid UTF-8

        var properties = Properties(document, schema);
        foreach (var (name, propertySchema) in properties)
        {
            foreach (var value in JsonValues)
            {
                yield return HttpRequestMessageFactory.Json(method, url, With(document, schema, name, value));
            }

            // Repeated: a plausible value, then a hostile one under the same name.
            yield return HttpRequestMessageFactory.Json(method, url, With(document, schema, name, Plausible(document, propertySchema, 0) + ",\"" + name + "\":\"a\\ud800\""));

            // One level down: each property of the array's items or of the nested object.
            var inner = Resolve(document, propertySchema);
            var item = IsType(inner, "array") && inner.TryGetProperty("items", out var items) ? Resolve(document, items) : inner;
            foreach (var (innerName, _) in Properties(document, item))
            {
                foreach (var value in JsonValues.Where((_, i) => i % 3 == 0))
                {
                    var nested = With(document, item, innerName, value);
                    yield return HttpRequestMessageFactory.Json(method, url, With(document, schema, name, IsType(inner, "array") ? $"[{nested}]" : nested));
                }
            }
        }
    }

    private static IEnumerable<HttpRequestMessageFactory> MultipartRequests(JsonElement document, HttpMethod method, string url, JsonElement schema)
    {
        string[] hostileText = ["", "\0", "a\0b", "\ud800", Huge, "../../etc", "%2e%2e", "con", ".hidden", new string('n', 300)];
        string[] fileNames = ["note.md", "../../escape.md", "a\0b.md", "\ud800.md", "%00.md", ".md", "x", new string('f', 5000) + ".md", "dir/sub/file.md", "C:\\win\\x.md"];
        var fields = Properties(document, schema).Select(p => p.Name).Where(n => n != "files").ToList();
        foreach (var name in fields)
        {
            foreach (var value in hostileText)
            {
                yield return HttpRequestMessageFactory.Multipart(method, url, [(name, value)], [("note.md", "# Note\n\nText.")]);
            }

            yield return HttpRequestMessageFactory.Multipart(method, url, [(name, "a"), (name, "b")], [("note.md", "# Note\n\nText.")]);
        }

        foreach (var fileName in fileNames)
        {
            yield return HttpRequestMessageFactory.Multipart(method, url, [], [(fileName, "# Note\n\nText.")]);
        }

        yield return HttpRequestMessageFactory.Multipart(method, url, [], [("empty.md", "")]);
        yield return HttpRequestMessageFactory.Multipart(method, url, [], []);
        yield return HttpRequestMessageFactory.Json(method, url, "{}");
        yield return new(method, url, "multipart/form-data", Encoding.UTF8.GetBytes("--x\r\nnot a part"));
        yield return new(method, url, "multipart/form-data; boundary=" + new string('b', 200), Encoding.UTF8.GetBytes("garbage"));
    }

    /// <summary>The schema's required properties with plausible values and <paramref name="name"/> set to the raw JSON <paramref name="value"/>.</summary>
    private static string With(JsonElement document, JsonElement schema, string name, string value)
    {
        var parts = new List<string>();
        foreach (var required in Required(schema).Where(r => r != name))
        {
            var property = Properties(document, schema).FirstOrDefault(p => p.Name == required);
            parts.Add($"\"{required}\":{(property.Name is null ? "\"x\"" : Plausible(document, property.Schema, 0))}");
        }

        parts.Add($"\"{name}\":{value}");
        return "{" + string.Join(",", parts) + "}";
    }

    private static string Plausible(JsonElement document, JsonElement schema, int depth)
    {
        schema = Resolve(document, schema);
        if (schema.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0)
        {
            return values[0].GetRawText();
        }

        if (IsType(schema, "object") || schema.TryGetProperty("properties", out _))
        {
            return depth > 3 ? "{}" : "{" + string.Join(",", Required(schema).Select(r =>
                $"\"{r}\":{(Properties(document, schema).FirstOrDefault(p => p.Name == r) is { Name: not null } p ? Plausible(document, p.Schema, depth + 1) : "\"x\"")}")) + "}";
        }

        if (IsType(schema, "array"))
        {
            return schema.TryGetProperty("items", out var items) && depth <= 3 ? $"[{Plausible(document, items, depth + 1)}]" : "[]";
        }

        return IsType(schema, "integer") ? "1" : IsType(schema, "number") ? "0.5" : IsType(schema, "boolean") ? "false" : "\"user\"";
    }

    private static List<(string Name, JsonElement Schema)> Properties(JsonElement document, JsonElement schema)
    {
        schema = Resolve(document, schema);
        return schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var properties)
            ? [.. properties.EnumerateObject().Select(p => (p.Name, p.Value))]
            : [];
    }

    private static IEnumerable<string> Required(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("required", out var required) ? required.EnumerateArray().Select(r => r.GetString()!) : [];

    private static bool IsType(JsonElement schema, string type) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type", out var t)
        && (t.ValueKind == JsonValueKind.String ? t.GetString() == type : t.ValueKind == JsonValueKind.Array && t.EnumerateArray().Any(x => x.GetString() == type));

    /// <summary>Follows <c>$ref</c> and takes the first non-null branch of <c>oneOf</c>/<c>anyOf</c>.</summary>
    private static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        for (var hops = 0; hops < 10 && schema.ValueKind == JsonValueKind.Object; hops++)
        {
            if (schema.TryGetProperty("$ref", out var reference))
            {
                var name = reference.GetString()!.Split('/')[^1];
                schema = document.GetProperty("components").GetProperty("schemas").GetProperty(name);
            }
            else if ((schema.TryGetProperty("oneOf", out var branches) || schema.TryGetProperty("anyOf", out branches))
                && branches.EnumerateArray().FirstOrDefault(b => !IsType(b, "null")) is { ValueKind: JsonValueKind.Object } branch)
            {
                schema = branch;
            }
            else
            {
                break;
            }
        }

        return schema;
    }

    private static string Fill(string template, string value)
    {
        var builder = new StringBuilder();
        var inside = false;
        foreach (var c in template)
        {
            if (c == '{')
            {
                inside = true;
                builder.Append(value);
            }
            else if (c == '}')
            {
                inside = false;
            }
            else if (!inside)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string Nest(int depth) => new string('[', depth) + new string(']', depth);
}

/// <summary>One generated request, made fresh for each send (a message can be sent once).</summary>
internal sealed record HttpRequestMessageFactory(HttpMethod Method, string Url, string? ContentType, byte[]? Body)
{
    private IReadOnlyList<(string Name, string Value)>? _fields;
    private IReadOnlyList<(string FileName, string Content)>? _files;

    public static HttpRequestMessageFactory Json(HttpMethod method, string url, string json) => new(method, url, "application/json", Encoding.UTF8.GetBytes(json));

    public static HttpRequestMessageFactory Multipart(HttpMethod method, string url, IReadOnlyList<(string, string)> fields, IReadOnlyList<(string, string)> files) =>
        new(method, url, null, null) { _fields = fields, _files = files };

    public HttpRequestMessage Create()
    {
        var message = new HttpRequestMessage(Method, new Uri(Url, UriKind.Relative));
        if (_fields is not null || _files is not null)
        {
            // Written by hand: HttpClient's own multipart content refuses the hostile names a raw client can send.
            const string boundary = "hostile-boundary-16";
            using var body = new MemoryStream();
            foreach (var (name, value) in _fields ?? [])
            {
                Write(body, $"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");
            }

            foreach (var (fileName, text) in _files ?? [])
            {
                Write(body, $"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{fileName}\"\r\nContent-Type: application/octet-stream\r\n\r\n{text}\r\n");
            }

            Write(body, $"--{boundary}--\r\n");
            message.Content = new ByteArrayContent(body.ToArray());
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        }
        else if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            message.Content.Headers.ContentType = ContentType is null ? null : MediaTypeHeaderValue.Parse(ContentType);
        }

        return message;
    }

    /// <summary>UTF-8, except that a lone surrogate is written as its own three bytes (ED A0 80), as a careless client would.</summary>
    private static void Write(Stream stream, string text)
    {
        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                stream.Write(bytes[..new Rune(text[i], text[++i]).EncodeToUtf8(bytes)]);
            }
            else if (char.IsSurrogate(text[i]))
            {
                stream.Write([0xED, (byte)(0x80 | ((text[i] >> 6) & 0x3F)), (byte)(0x80 | (text[i] & 0x3F))]);
            }
            else
            {
                stream.Write(bytes[..new Rune(text[i]).EncodeToUtf8(bytes)]);
            }
        }
    }

    public override string ToString()
    {
        var body = Body is null ? (_fields is null ? "" : $" multipart fields [{string.Join(", ", _fields.Select(f => $"{f.Name}={Clip(f.Value)}"))}] files [{string.Join(", ", _files!.Select(f => Clip(f.FileName)))}]")
            : $" {ContentType}: {Clip(Encoding.UTF8.GetString(Body))}";
        return $"{Method} {Clip(Url)}{body}";
    }

    private static string Clip(string text) =>
        (text.Length > 160 ? text[..160] + string.Create(CultureInfo.InvariantCulture, $"...({text.Length} chars)") : text).Replace("\0", "\\0", StringComparison.Ordinal);
}
