using System.Globalization;

namespace DocRag.Core.Evaluation;

/// <summary>
/// Reads a BEIR-layout folder: <c>corpus.jsonl</c> (<c>_id</c>, <c>title</c>, <c>text</c>), <c>queries.jsonl</c>
/// (<c>_id</c>, <c>text</c>) and <c>qrels/SPLIT.tsv</c> (query-id, corpus-id, score; a header line is allowed). Only
/// queries with at least one relevant (score above 0) document of the corpus are kept, as BEIR's own evaluation does.
/// </summary>
public static class BeirLoader
{
    public static EvaluationSet Load(string directory, string split = "test")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(split);
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"BEIR folder not found: {root}");
        }

        var qrelsPath = Path.Combine(root, "qrels", split + ".tsv");
        var documents = ReadCorpus(Require(Path.Combine(root, "corpus.jsonl")));
        var texts = ReadQueries(Require(Path.Combine(root, "queries.jsonl")));
        var judged = ReadQrels(Require(qrelsPath), documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal));
        var queries = new List<EvaluationQuery>();
        foreach (var (id, relevant) in judged.OrderBy(j => j.Key, StringComparer.Ordinal))
        {
            if (!texts.TryGetValue(id, out var text))
            {
                throw new EvaluationDataException($"qrels/{split}.tsv: query {id} is not in queries.jsonl");
            }

            queries.Add(new EvaluationQuery(id, text, relevant, []));
        }

        return new EvaluationSet(Path.GetFileName(root), documents, queries);
    }

    private static string Require(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"BEIR file not found: {path}", path);

    private static List<EvaluationDocument> ReadCorpus(string path)
    {
        var documents = new List<EvaluationDocument>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, value) in JsonLines.Read(path))
        {
            var id = JsonLines.Field(path, line, () => JsonLines.OptionalString(value, "_id"));
            var title = JsonLines.Field(path, line, () => JsonLines.OptionalString(value, "title"));
            var text = JsonLines.Field(path, line, () => JsonLines.OptionalString(value, "text")) ?? "";
            if (string.IsNullOrEmpty(id))
            {
                throw new EvaluationDataException($"corpus.jsonl line {line}: no _id");
            }

            if (!seen.Add(id))
            {
                throw new EvaluationDataException($"corpus.jsonl line {line}: _id {id} appears twice");
            }

            documents.Add(new EvaluationDocument(id, string.IsNullOrWhiteSpace(title) ? null : title, text));
        }

        return documents;
    }

    private static Dictionary<string, string> ReadQueries(string path)
    {
        var queries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (line, value) in JsonLines.Read(path))
        {
            var id = JsonLines.Field(path, line, () => JsonLines.OptionalString(value, "_id"));
            var text = JsonLines.Field(path, line, () => JsonLines.OptionalString(value, "text"));
            if (string.IsNullOrEmpty(id) || string.IsNullOrWhiteSpace(text))
            {
                throw new EvaluationDataException($"queries.jsonl line {line}: a query needs _id and text");
            }

            queries[id] = text;
        }

        return queries;
    }

    private static Dictionary<string, IReadOnlyDictionary<string, int>> ReadQrels(string path, HashSet<string> corpus)
    {
        var judged = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length < 3 || !int.TryParse(fields[^1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var grade))
            {
                if (number == 1)
                {
                    continue; // the header line (query-id, corpus-id, score)
                }

                throw new EvaluationDataException($"{Path.GetFileName(path)} line {number}: expected query-id, corpus-id and a whole-number score separated by tabs");
            }

            // TREC-style qrels have an iteration column: query-id, 0, corpus-id, score.
            var document = fields.Length >= 4 ? fields[2] : fields[1];
            if (grade > 0 && corpus.Contains(document))
            {
                (judged.TryGetValue(fields[0], out var relevant) ? relevant : judged[fields[0]] = new(StringComparer.Ordinal))[document] = grade;
            }
        }

        return judged.ToDictionary(j => j.Key, j => (IReadOnlyDictionary<string, int>)j.Value, StringComparer.Ordinal);
    }
}
