using System.Text.Json;
using System.Text.RegularExpressions;

namespace DocRag.Bench.Search;

/// <summary>
/// Text for the search benchmark: sentences and titles sampled from SciFact abstracts (<c>--data DIR</c> or
/// DOCRAG_TEST_DATA) and SciFact's claims as queries; without the data, sentences of a generated Zipf-distributed
/// vocabulary, so the index still has realistic term statistics.
/// </summary>
internal sealed partial class SyntheticText
{
    private SyntheticText(string source, IReadOnlyList<string> sentences, IReadOnlyList<string> titles, IReadOnlyList<string> queries)
    {
        Source = source;
        Sentences = sentences;
        Titles = titles;
        Queries = queries;
    }

    public string Source { get; }

    public IReadOnlyList<string> Sentences { get; }

    public IReadOnlyList<string> Titles { get; }

    public IReadOnlyList<string> Queries { get; }

    public static SyntheticText Load(string? dataDirectory)
    {
        var scifact = dataDirectory is null ? null : Path.Combine(dataDirectory, "scifact");
        if (scifact is not null && File.Exists(Path.Combine(scifact, "corpus.jsonl")))
        {
            var sentences = new List<string>();
            var titles = new List<string>();
            foreach (var line in File.ReadLines(Path.Combine(scifact, "corpus.jsonl")))
            {
                using var json = JsonDocument.Parse(line);
                titles.Add(json.RootElement.GetProperty("title").GetString() ?? "");
                sentences.AddRange(SentenceEnd().Split(json.RootElement.GetProperty("text").GetString() ?? "").Where(s => s.Length > 20));
            }

            var queries = File.ReadLines(Path.Combine(scifact, "queries.jsonl"))
                .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString() ?? "")
                .Where(q => q.Length > 0)
                .ToList();
            return new SyntheticText("SciFact abstracts (sentences) and claims (queries)", sentences, titles, queries);
        }

        return Generated();
    }

    /// <summary>A chunk of about <paramref name="words"/> words: whole sentences drawn at random.</summary>
    public string Chunk(Random random, int words)
    {
        var parts = new List<string>();
        var count = 0;
        while (count < words)
        {
            var sentence = Sentences[random.Next(Sentences.Count)];
            parts.Add(sentence);
            count += sentence.Count(c => c == ' ') + 1;
        }

        return string.Join(' ', parts);
    }

    private static SyntheticText Generated()
    {
        var random = new Random(11);
        const string Letters = "etaoinshrdlcumwfgypbvkjxqz";
        var vocabulary = Enumerable.Range(0, 20_000)
            .Select(_ => new string(Enumerable.Range(0, random.Next(3, 10)).Select(_ => Letters[(int)(Math.Pow(random.NextDouble(), 2) * Letters.Length)]).ToArray()))
            .Distinct()
            .ToArray();

        // Zipf: word rank r is drawn with probability proportional to 1/r, as in natural text.
        string Word() => vocabulary[(int)Math.Min(vocabulary.Length - 1, Math.Exp(random.NextDouble() * Math.Log(vocabulary.Length)) - 1)];
        string Sentence(int length) => string.Join(' ', Enumerable.Range(0, length).Select(_ => Word())) + ".";

        var sentences = Enumerable.Range(0, 50_000).Select(_ => Sentence(random.Next(8, 30))).ToList();
        var titles = Enumerable.Range(0, 5_000).Select(_ => Sentence(random.Next(4, 12))).ToList();
        var queries = Enumerable.Range(0, 1_000).Select(_ => Sentence(random.Next(4, 12))).ToList();
        return new SyntheticText("generated Zipf vocabulary (no DOCRAG_TEST_DATA)", sentences, titles, queries);
    }

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z])")]
    private static partial Regex SentenceEnd();
}
