using System.Diagnostics;
using DocRag.Core.Retrieval;
using DocRag.Core.Storage;

namespace DocRag.Core.Evaluation;

public sealed partial class EvaluationRunner
{
    /// <summary>
    /// Evaluates a team's QA file over the configured index under each side's settings. An expected path matches the
    /// indexed document whose path ends with it; a question whose expected document is not indexed is left out (with a
    /// warning); one that matches several documents is an error (write more of the path).
    /// </summary>
    /// <exception cref="ArgumentException">A side changes chunking or embedding settings, which need a re-index.</exception>
    /// <exception cref="EvaluationDataException">An expected path matches more than one indexed document.</exception>
    public async Task<IReadOnlyList<EvaluationReport>> EvaluateQaAsync(
        string name, IReadOnlyList<QaQuestion> questions, IReadOnlyList<EvaluationSettings> sides, AskMode ask,
        IProgress<EvaluationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(sides);
        if (sides.FirstOrDefault(s => s.ChangesIndexing) is { } changing)
        {
            throw new ArgumentException(
                $"'{changing.Label}' changes chunking or embedding settings, which only take effect when documents are indexed again; eval qa reads the current index (index it with those settings, or compare them with eval beir/squad)");
        }

        var reports = new List<EvaluationReport>();
        foreach (var side in sides)
        {
            using var host = EvaluationHost.Create(configuration, side, loggerFactory, dataFolder: null, ownsFolder: false);
            await host.Store.EnsureFullTextAnalyzerAsync(cancellationToken).ConfigureAwait(false);
            var paths = await IndexedPathsAsync(host.Store, cancellationToken).ConfigureAwait(false);
            var (expected, warnings) = ResolveExpected(questions, paths);
            reports.Add(await RunQaAsync(name, questions, side, host, expected, warnings, ask, progress, cancellationToken).ConfigureAwait(false));
        }

        return reports;
    }

    private async Task<EvaluationReport> RunQaAsync(
        string name, IReadOnlyList<QaQuestion> questions, EvaluationSettings side, EvaluationHost host,
        Dictionary<QaQuestion, string> expected, List<string> warnings, AskMode ask,
        IProgress<EvaluationProgress>? progress, CancellationToken cancellationToken)
    {
        var embedder = await host.EmbedderForAsync(side.Mode, cancellationToken).ConfigureAwait(false);
        if (ask == AskMode.Generative)
        {
            await host.RequireGeneratorAsync(cancellationToken).ConfigureAwait(false);
        }

        var search = host.DocumentSearch(embedder);
        await WarmUpAsync(search, host, side, ask, questions.Count > 0 ? questions[0].Question : null, cancellationToken).ConfigureAwait(false);
        var ranking = new RankingAccumulator(hundred: false);
        var answers = ask == AskMode.Off ? null : new AskAccumulator(ask);
        var latencies = new List<TimeSpan>();
        var failed = 0;
        var modes = new SortedSet<SearchMode>();
        for (var i = 0; i < questions.Count; i++)
        {
            var question = questions[i];
            var missing = question.ExpectedPath is not null && !expected.ContainsKey(question);
            var clock = Stopwatch.StartNew();
            IReadOnlyList<SearchHit> hits;
            try
            {
                var result = await SearchAsync(search, question.Question, TopK(EvaluationKind.Qa), side.Mode, cancellationToken).ConfigureAwait(false);
                latencies.Add(clock.Elapsed);
                modes.Add(result.Mode);
                hits = result.Hits;
            }
            catch (ArgumentException)
            {
                failed++;
                hits = [];
            }

            if (!question.ExpectsNoAnswer && !missing)
            {
                AddRanking(ranking, question, expected.GetValueOrDefault(question), hits);
            }

            if (answers is not null && !missing && await AskAsync(host, side, ask, question.Question, cancellationToken).ConfigureAwait(false) is var (answer, latency))
            {
                var cites = expected.TryGetValue(question, out var path)
                    ? answer.Citations.Any(c => c.Path == path && (question.ExpectedPage is not { } page || (page >= c.Page && page <= c.PageEnd)))
                    : (bool?)null;
                answers.Add(answer, latency, cites, question.Answer is { } text ? [text] : [], !question.ExpectsNoAnswer);
                LogQuestion(name, side, question.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), question.Question, !question.ExpectsNoAnswer, cites, answer);
            }

            progress?.Report(new EvaluationProgress(answers is null ? "searching" : "searching and answering", i + 1, questions.Count));
        }

        var statistics = await host.Store.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
        return new EvaluationReport(
            EvaluationKind.Qa.ToString().ToLowerInvariant(),
            name,
            side.Label,
            ModeName(modes, side.Mode),
            modes.Any(m => m != SearchMode.Keyword) ? statistics.EmbeddingModel?.ModelId : null,
            statistics.Indexed,
            (int)Math.Min(int.MaxValue, statistics.Chunks),
            questions.Count,
            failed,
            ranking.ToScores(),
            LatencySummary.From(latencies),
            answers?.ToScores(),
            0,
            warnings);
    }

    /// <summary>
    /// One question's ranking: the expected document when there is one (and its page in the first five), else the
    /// first hit whose text contains the expected answer.
    /// </summary>
    private static void AddRanking(RankingAccumulator ranking, QaQuestion question, string? path, IReadOnlyList<SearchHit> hits)
    {
        var ranked = hits.Select(h => h.Path).ToArray();
        if (path is not null)
        {
            ranking.Add(ranked, new Dictionary<string, int>(StringComparer.Ordinal) { [path] = 1 });
            if (question.ExpectedPage is { } page)
            {
                ranking.AddPage(hits.Take(5).Any(h => h.Path == path && page >= h.PageStart && page <= h.PageEnd));
            }

            return;
        }

        // No expected document: the passage that holds the answer is the relevant one (a miss when none does).
        var holder = hits.FirstOrDefault(h => AnswerText.Contains(h.Text, question.Answer!))?.Path ?? "\0no passage holds the answer";
        ranking.Add(ranked, new Dictionary<string, int>(StringComparer.Ordinal) { [holder] = 1 });
    }

    /// <summary>Searches; a mode that cannot run (no vectors of the model) stops the evaluation with its message.</summary>
    private static async Task<SearchResult> SearchAsync(SearchService search, string query, int topK, SearchMode? mode, CancellationToken cancellationToken)
    {
        try
        {
            return await search.SearchAsync(new SearchRequest(query, topK, mode), cancellationToken).ConfigureAwait(false);
        }
        catch (SearchModeUnavailableException ex)
        {
            throw new InvalidOperationException(ex.Message, ex);
        }
    }

    private static async Task<List<string>> IndexedPathsAsync(IndexStore store, CancellationToken cancellationToken)
    {
        var paths = new List<string>();
        for (var offset = 0; ; offset += 1000)
        {
            var page = await store.ListDocumentsAsync(new DocumentQuery(null, DocumentStatus.Indexed, offset, 1000), cancellationToken).ConfigureAwait(false);
            paths.AddRange(page.Items.Select(d => d.Path));
            if (page.Items.Count < 1000)
            {
                return paths;
            }
        }
    }

    /// <summary>The indexed path each question's expected path names, and a warning for each that names none.</summary>
    private static (Dictionary<QaQuestion, string> Expected, List<string> Warnings) ResolveExpected(IReadOnlyList<QaQuestion> questions, List<string> paths)
    {
        var expected = new Dictionary<QaQuestion, string>(ReferenceEqualityComparer.Instance);
        var warnings = new List<string>();
        foreach (var question in questions.Where(q => q.ExpectedPath is not null))
        {
            var wanted = question.ExpectedPath!.TrimStart('/');
            var matches = paths.Where(p => Matches(p, wanted)).ToArray();
            switch (matches.Length)
            {
                case 0:
                    warnings.Add($"line {question.Line}: no indexed document's path ends with {wanted}; the question is left out");
                    break;
                case 1:
                    expected[question] = matches[0];
                    break;
                default:
                    throw new EvaluationDataException($"line {question.Line}: expected_path {wanted} matches {matches.Length} indexed documents ({string.Join(", ", matches.Take(3))}); write more of the path");
            }
        }

        return (expected, warnings);
    }

    private static bool Matches(string path, string wanted)
    {
        var normalized = path.Replace('\\', '/');
        return normalized == wanted || normalized.EndsWith("/" + wanted, StringComparison.Ordinal);
    }
}
