using System.Globalization;
using System.Text.Json;
using DocRag.Core.Text;

namespace DocRag.Bench.TextAnalysis;

/// <summary>Reads SciFact (BEIR layout) and XQuAD (SQuAD layout) into <see cref="EvalSet"/>s.</summary>
internal static class EvalSetLoader
{
    /// <summary>BEIR: corpus.jsonl, queries.jsonl and qrels/SPLIT.tsv; only queries with judgements are kept.</summary>
    public static EvalSet LoadBeir(string directory, TextLanguage language, string split = "test")
    {
        var documents = new List<EvalDocument>();
        var rowIds = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(directory, "corpus.jsonl")).Where(l => l.Length > 0))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var rowId = documents.Count + 1L;
            rowIds[root.GetProperty("_id").GetString()!] = rowId;
            documents.Add(new EvalDocument(rowId, root.GetProperty("title").GetString() ?? "", root.GetProperty("text").GetString() ?? ""));
        }

        var queryTexts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(directory, "queries.jsonl")).Where(l => l.Length > 0))
        {
            using var json = JsonDocument.Parse(line);
            queryTexts[json.RootElement.GetProperty("_id").GetString()!] = json.RootElement.GetProperty("text").GetString()!;
        }

        var judgements = new Dictionary<string, Dictionary<long, int>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(directory, "qrels", split + ".tsv")).Skip(1).Where(l => l.Length > 0))
        {
            var fields = line.Split('\t');
            var grade = int.Parse(fields[2], CultureInfo.InvariantCulture);
            if (grade > 0 && rowIds.TryGetValue(fields[1], out var rowId))
            {
                (judgements.TryGetValue(fields[0], out var relevant) ? relevant : judgements[fields[0]] = [])[rowId] = grade;
            }
        }

        var queries = judgements.OrderBy(j => j.Key, StringComparer.Ordinal)
            .Select(j => new EvalQuery(j.Key, queryTexts[j.Key], j.Value))
            .ToList();
        return new EvalSet(Path.GetFileName(Path.TrimEndingDirectorySeparator(directory)), language, documents, queries);
    }

    /// <summary>
    /// SQuAD/XQuAD: each paragraph is a document; each question's relevant document is its own paragraph. Article
    /// titles are left out (XQuAD's are English page names), as in the reference figures.
    /// </summary>
    public static EvalSet LoadSquad(string file, TextLanguage language)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        var documents = new List<EvalDocument>();
        var queries = new List<EvalQuery>();
        foreach (var article in json.RootElement.GetProperty("data").EnumerateArray())
        {
            foreach (var paragraph in article.GetProperty("paragraphs").EnumerateArray())
            {
                var rowId = documents.Count + 1L;
                documents.Add(new EvalDocument(rowId, "", paragraph.GetProperty("context").GetString()!));
                foreach (var qa in paragraph.GetProperty("qas").EnumerateArray())
                {
                    queries.Add(new EvalQuery(qa.GetProperty("id").GetString()!, qa.GetProperty("question").GetString()!, new Dictionary<long, int> { [rowId] = 1 }));
                }
            }
        }

        return new EvalSet(Path.GetFileNameWithoutExtension(file), language, documents, queries);
    }
}
