using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DocRag.Core.Evaluation;
using DocRag.Core.Ingestion.Chunking;
using DocRag.Core.Retrieval;
using DocRag.Core.Storage;
using DocRag.Core.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace DocRag.Bench.Evaluation;

/// <summary>
/// Hybrid retrieval settings under 5-fold cross-validation on SciFact (nDCG@10) or XQuAD-es (paragraph Recall@1), with a
/// real embedding model. The corpus is embedded once into a kept scratch index (<c>--cache DIR</c>), so comparing
/// settings takes seconds. Each variant (retrieval settings as <c>docrag eval --compare</c> writes them, plus
/// <c>mode=</c>) runs the product's <see cref="SearchService"/> over every query; the table gives each fold's mean, and
/// "cv" picks, for each fold, the variant best on the other four and scores it on that fold. "plain-bm25" is SQLite
/// FTS5 bm25 (porter) over whole documents, the baseline the keyword ranking must not fall below.
/// <c>--dump FILE</c> also writes each query's keyword and vector chunk lists (JSON lines) for study outside.
/// </summary>
internal sealed class FusionStudyBenchmark : IBenchmarkRun
{
    private const int Folds = 5;

    public string Name => "fusion-study";

    public string Description => "hybrid settings by 5-fold CV on SciFact / XQuAD-es with a real model (--model DIR --cache DIR --set NAME --variants \"...;...\")";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var options = new BenchArgs(args);
        var data = options.Get("--data") ?? Environment.GetEnvironmentVariable("DOCRAG_TEST_DATA");
        var model = options.Get("--model");
        var cache = options.Get("--cache");
        if (string.IsNullOrWhiteSpace(data) || model is null || cache is null)
        {
            Console.Error.WriteLine("fusion-study needs --model DIR --cache DIR and the shared data (--data DIR or DOCRAG_TEST_DATA)");
            return 2;
        }

        var setName = options.Get("--set") ?? "scifact";
        var squad = setName.StartsWith("xquad", StringComparison.OrdinalIgnoreCase);
        var set = squad ? SquadLoader.Load(Path.Combine(data, "xquad", "xquad.es.json")) : BeirLoader.Load(Path.Combine(data, "scifact"));
        var queries = set.Queries.Where(q => q.Relevant.Count > 0).OrderBy(q => q.Id, StringComparer.Ordinal).ToArray();
        var folder = Path.Combine(Path.GetFullPath(cache), $"{setName}-{Path.GetFileName(Path.GetFullPath(model).TrimEnd('/'))}");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            [new("DocRag:Embedding:Model", Path.GetFullPath(model)), .. Extra(options.Get("--embedding"))]).Build();
        using var host = EvaluationHost.Create(configuration, EvaluationSettings.Default(SearchMode.Hybrid), null, folder, ownsFolder: false);
        var embedder = await host.EmbedderForAsync(SearchMode.Hybrid, cancellationToken).ConfigureAwait(false);
        var ids = await IndexAsync(host, set, folder, embedder, cancellationToken).ConfigureAwait(false);

        var variants = (options.Get("--variants") ?? "mode=keyword;mode=vector;mode=hybrid")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var rows = new List<(string Name, double[] PerQuery)>();
        if (!squad)
        {
            rows.Add(("plain-bm25", PlainBm25(set, queries)));
        }

        foreach (var variant in variants)
        {
            var clock = Stopwatch.StartNew();
            var side = EvaluationSettings.Parse(variant, EvaluationSettings.Default(SearchMode.Hybrid));
            var retrieval = new RetrievalOptions();
            new ConfigurationBuilder().AddInMemoryCollection(side.Configuration).Build().GetSection(RetrievalOptions.SectionName).Bind(retrieval);
            retrieval.MaxChunksPerDocument = 1;
            var search = new SearchService(host.Store, host.Get<VectorIndex>(), side.Mode == SearchMode.Keyword ? null : embedder, retrieval);
            var scores = new double[queries.Length];
            var modes = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < queries.Length; i++)
            {
                var result = await search.SearchAsync(new SearchRequest(queries[i].Text, squad ? 10 : 100, side.Mode), cancellationToken).ConfigureAwait(false);
                var ranked = result.Hits.Select(h => ids.GetValueOrDefault(h.DocumentId.Value, "")).ToArray();
                scores[i] = Metric(squad, ranked, queries[i].Relevant);
                var note = result.ModeReason is null ? result.Mode.ToString() : $"{result.Mode}: {result.ModeReason}";
                modes[note] = modes.GetValueOrDefault(note) + 1;
            }

            rows.Add((variant, scores));
            Console.Error.WriteLine($"  {variant}: {scores.Average():F4} in {clock.Elapsed.TotalSeconds:F0} s ({string.Join("; ", modes.Select(m => $"{m.Value}× {m.Key}"))})");
        }

        if (options.Get("--dump") is { } dump)
        {
            await DumpAsync(host, embedder, ids, queries, squad, dump, cancellationToken).ConfigureAwait(false);
        }

        Print(squad ? "XQuAD-es paragraph Recall@1" : "SciFact nDCG@10", rows, queries.Length);
        return 0;
    }

    private static IEnumerable<KeyValuePair<string, string?>> Extra(string? settings) =>
        (settings ?? "").Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.Split('=', 2))
            .Select(p => new KeyValuePair<string, string?>(SettingKeys.Resolve(p[0]), p[1]));

    private static double Metric(bool squad, IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> relevant) =>
        squad ? RankingMetrics.Recall(ranked, relevant, 1) : RankingMetrics.Ndcg(ranked, relevant, 10);

    /// <summary>The kept scratch index: built (and embedded) on the first run, reused after.</summary>
    private static async Task<Dictionary<long, string>> IndexAsync(
        EvaluationHost host, EvaluationSet set, string folder, Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>>? embedder, CancellationToken cancellationToken)
    {
        var idsPath = Path.Combine(folder, "corpus-ids.json");
        if (File.Exists(idsPath))
        {
            return JsonSerializer.Deserialize<Dictionary<long, string>>(await File.ReadAllTextAsync(idsPath, cancellationToken).ConfigureAwait(false))!;
        }

        var clock = Stopwatch.StartNew();
        var writer = new CorpusWriter(host.Store, host.Get<IChunker>(), host.Ingestion, embedder);
        var (written, chunks) = await writer.WriteAsync(set.Documents, host.DataFolder, null, cancellationToken).ConfigureAwait(false);
        var ids = written.ToDictionary(p => p.Key.Value, p => p.Value);
        await File.WriteAllTextAsync(idsPath, JsonSerializer.Serialize(ids), cancellationToken).ConfigureAwait(false);
        Console.Error.WriteLine($"  indexed {ids.Count} documents, {chunks} chunks in {clock.Elapsed.TotalSeconds:F0} s into {folder}");
        return ids;
    }

    /// <summary>SQLite FTS5 bm25 with the porter tokenizer over whole documents (title and text), every query word OR-ed.</summary>
    private static double[] PlainBm25(EvaluationSet set, EvaluationQuery[] queries)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE VIRTUAL TABLE d USING fts5(id UNINDEXED, title, body, tokenize='porter')";
            create.ExecuteNonQuery();
        }

        using (var transaction = connection.BeginTransaction())
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO d(id, title, body) VALUES ($id, $title, $body)";
            var id = insert.Parameters.Add("$id", SqliteType.Text);
            var title = insert.Parameters.Add("$title", SqliteType.Text);
            var body = insert.Parameters.Add("$body", SqliteType.Text);
            foreach (var document in set.Documents)
            {
                id.Value = document.Id;
                title.Value = document.Title ?? "";
                body.Value = document.Text;
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        var scores = new double[queries.Length];
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT id FROM d WHERE d MATCH $q ORDER BY bm25(d) LIMIT 100";
        var q = select.Parameters.Add("$q", SqliteType.Text);
        for (var i = 0; i < queries.Length; i++)
        {
            var words = TextTokenizer.Tokenize(queries[i].Text).SelectMany(u => u.Parts).Select(p => p.ToLowerInvariant())
                .Where(w => w.Any(char.IsLetterOrDigit)).Distinct().Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");
            q.Value = string.Join(" OR ", words);
            var ranked = new List<string>();
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read())
                {
                    ranked.Add(reader.GetString(0));
                }
            }

            scores[i] = Metric(false, ranked, queries[i].Relevant);
        }

        return scores;
    }

    private static async Task DumpAsync(
        EvaluationHost host, Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>>? embedder,
        Dictionary<long, string> ids, EvaluationQuery[] queries, bool squad, string path, CancellationToken cancellationToken)
    {
        var options = new RetrievalOptions { MaxChunksPerDocument = 0, NearDuplicateThreshold = 0 };
        var keyword = new SearchService(host.Store, host.Get<VectorIndex>(), null, options);
        var vector = new SearchService(host.Store, host.Get<VectorIndex>(), embedder, options);
        await using var output = new StreamWriter(path);
        foreach (var query in queries)
        {
            var k = await keyword.SearchAsync(new SearchRequest(query.Text, 100, SearchMode.Keyword), cancellationToken).ConfigureAwait(false);
            var v = await vector.SearchAsync(new SearchRequest(query.Text, 100, SearchMode.Vector), cancellationToken).ConfigureAwait(false);
            object[] Rows(IEnumerable<SearchHit> hits, Func<SearchHit, double?> score) =>
                [.. hits.Select(h => new object[] { ids.GetValueOrDefault(h.DocumentId.Value, ""), h.ChunkId.Value, score(h) ?? 0, h.Ordinal, h.Language.ToString() })];
            await output.WriteLineAsync(JsonSerializer.Serialize(new
            {
                id = query.Id,
                text = query.Text,
                lang = LanguageDetector.Detect(query.Text).ToString(),
                relevant = query.Relevant,
                squad,
                keyword = Rows(k.Hits, h => h.KeywordScore),
                vector = Rows(v.Hits, h => h.VectorSimilarity),
            })).ConfigureAwait(false);
        }
    }

    private static void Print(string metric, List<(string Name, double[] PerQuery)> rows, int count)
    {
        var fold = Enumerable.Range(0, count).Select(i => i % Folds).ToArray();
        double FoldMean(double[] s, int f) => Enumerable.Range(0, count).Where(i => fold[i] == f).Average(i => s[i]);
        Console.WriteLine($"{metric}, {count} queries, {Folds} folds (query i in fold i mod {Folds}, ids in order)");
        Console.WriteLine("| variant | all | " + string.Join(" | ", Enumerable.Range(1, Folds).Select(f => $"fold {f}")) + " | min | max |");
        Console.WriteLine("| --- | ---: |" + string.Concat(Enumerable.Repeat(" ---: |", Folds + 2)));
        foreach (var (name, scores) in rows)
        {
            var folds = Enumerable.Range(0, Folds).Select(f => FoldMean(scores, f)).ToArray();
            Console.WriteLine($"| {name} | {F(scores.Average())} | {string.Join(" | ", folds.Select(F))} | {F(folds.Min())} | {F(folds.Max())} |");
        }

        var candidates = rows.Where(r => r.Name != "plain-bm25").ToArray();
        var picks = new List<string>();
        var held = new double[Folds];
        for (var f = 0; f < Folds; f++)
        {
            var best = candidates.MaxBy(r => Enumerable.Range(0, count).Where(i => fold[i] != f).Average(i => r.PerQuery[i]));
            picks.Add(best.Name);
            held[f] = FoldMean(best.PerQuery, f);
        }

        Console.WriteLine($"cv (best of the other folds, scored on the held-out fold): mean {F(held.Average())}, folds {string.Join(" ", held.Select(F))}; picks: {string.Join(" | ", picks)}");
    }

    private static string F(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
}
