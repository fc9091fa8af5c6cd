using System.Globalization;
using System.Text.Json;

namespace DocRag.Core.Evaluation;

/// <summary>
/// Reads a SQuAD or XQuAD file (<c>data[].paragraphs[].context</c> and <c>qas[]</c> with <c>question</c> and
/// <c>answers[].text</c>). Each paragraph is a document, and each question's one relevant document is its paragraph.
/// The article title is not part of the document: XQuAD's titles are English page names over translated paragraphs,
/// and the reference figures index the paragraph alone. SQuAD 2.0 questions marked <c>is_impossible</c> expect no answer.
/// </summary>
public static class SquadLoader
{
    public static EvaluationSet Load(string file)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        var path = Path.GetFullPath(file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"SQuAD file not found: {path}", path);
        }

        JsonDocument json;
        try
        {
            using var stream = File.OpenRead(path);
            json = JsonDocument.Parse(stream);
        }
        catch (JsonException ex)
        {
            throw new EvaluationDataException($"{Path.GetFileName(path)}: not valid JSON ({ex.Message})", ex);
        }

        using (json)
        {
            return Read(json.RootElement, Path.GetFileNameWithoutExtension(path));
        }
    }

    private static EvaluationSet Read(JsonElement root, string name)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            throw new EvaluationDataException($"{name}: expected a SQuAD object with a 'data' array");
        }

        var documents = new List<EvaluationDocument>();
        var queries = new List<EvaluationQuery>();
        var article = 0;
        foreach (var entry in data.EnumerateArray())
        {
            article++;
            var paragraph = 0;
            foreach (var p in Array(entry, "paragraphs", $"{name}: article {article}"))
            {
                paragraph++;
                var where = $"{name}: article {article}, paragraph {paragraph}";
                var id = string.Create(CultureInfo.InvariantCulture, $"{article}.{paragraph}");
                documents.Add(new EvaluationDocument(id, null, Text(p, "context", where)));
                foreach (var qa in Array(p, "qas", where))
                {
                    var impossible = qa.TryGetProperty("is_impossible", out var flag) && flag.ValueKind == JsonValueKind.True;
                    var answers = qa.TryGetProperty("answers", out var list) && list.ValueKind == JsonValueKind.Array
                        ? list.EnumerateArray().Select(a => Text(a, "text", where)).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToArray()
                        : [];
                    var queryId = qa.TryGetProperty("id", out var qid) && qid.ValueKind == JsonValueKind.String ? qid.GetString()! : $"{id}.{queries.Count + 1}";
                    queries.Add(new EvaluationQuery(
                        queryId,
                        Text(qa, "question", where),
                        impossible ? new Dictionary<string, int>() : new Dictionary<string, int>(StringComparer.Ordinal) { [id] = 1 },
                        impossible ? [] : answers));
                }
            }
        }

        return new EvaluationSet(name, documents, queries);
    }

    private static JsonElement.ArrayEnumerator Array(JsonElement parent, string property, string where) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : throw new EvaluationDataException($"{where}: expected a '{property}' array");

    private static string Text(JsonElement parent, string property, string where) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new EvaluationDataException($"{where}: expected a '{property}' string");
}
