using System.Diagnostics;
using DocRag.Core.Answering;
using DocRag.Core.Hosting;
using DocRag.Core.Retrieval;

namespace DocRag.Core.Evaluation;

public sealed partial class EvaluationRunner
{
    /// <summary>Runs every query of the set against the scratch index with one side's settings.</summary>
    private async Task<EvaluationReport> RunSetAsync(
        EvaluationKind kind, EvaluationSet set, EvaluationSettings side, EvaluationHost host, ScratchIndex index, AskMode ask,
        IProgress<EvaluationProgress>? progress, CancellationToken cancellationToken)
    {
        var embedder = await host.EmbedderForAsync(side.Mode, cancellationToken).ConfigureAwait(false);
        if (ask == AskMode.Generative)
        {
            await host.RequireGeneratorAsync(cancellationToken).ConfigureAwait(false);
        }

        var search = host.DocumentSearch(embedder);
        await WarmUpAsync(search, host, side, ask, set.Queries.Count > 0 ? set.Queries[0].Text : null, cancellationToken).ConfigureAwait(false);
        var ranking = new RankingAccumulator(TopK(kind) >= 100);
        var answers = ask == AskMode.Off ? null : new AskAccumulator(ask);
        var latencies = new List<TimeSpan>();
        var failed = 0;
        var modes = new SortedSet<SearchMode>();
        for (var i = 0; i < set.Queries.Count; i++)
        {
            var query = set.Queries[i];
            var clock = Stopwatch.StartNew();
            IReadOnlyList<string> ranked;
            try
            {
                var result = await SearchAsync(search, query.Text, TopK(kind), side.Mode, cancellationToken).ConfigureAwait(false);
                latencies.Add(clock.Elapsed);
                modes.Add(result.Mode);
                ranked = result.Hits.Select(h => index.Ids.GetValueOrDefault(h.DocumentId, "")).ToArray();
            }
            catch (ArgumentException)
            {
                failed++; // a query the search refuses (over-long) scores 0 rather than stopping the run
                ranked = [];
            }

            if (query.Relevant.Count > 0)
            {
                ranking.Add(ranked, query.Relevant);
            }

            if (answers is not null && await AskAsync(host, side, ask, query.Text, cancellationToken).ConfigureAwait(false) is var (answer, latency))
            {
                var cites = query.Relevant.Count == 0 ? (bool?)null : answer.Citations.Any(c => query.Relevant.ContainsKey(index.Ids.GetValueOrDefault(c.DocumentId, "")));
                answers.Add(answer, latency, cites, query.Answers, query.Relevant.Count > 0 || query.Answers.Count > 0);
                LogQuestion(set.Name, side, query.Id, query.Text, query.Relevant.Count > 0 || query.Answers.Count > 0, cites, answer);
            }

            progress?.Report(new EvaluationProgress(answers is null ? "searching" : "searching and answering", i + 1, set.Queries.Count));
        }

        return new EvaluationReport(
            kind.ToString().ToLowerInvariant(),
            set.Name,
            side.Label,
            ModeName(modes, side.Mode),
            modes.Any(m => m != SearchMode.Keyword) ? index.EmbeddingModel : null,
            index.Ids.Count,
            index.Chunks,
            set.Queries.Count,
            failed,
            ranking.ToScores(),
            LatencySummary.From(latencies),
            answers?.ToScores(),
            index.Elapsed.TotalSeconds,
            [],
            index.Reused);
    }

    /// <summary>Asks one question through the answer service; null when it refuses the question (over-long).</summary>
    private static async Task<(Answer Answer, TimeSpan Latency)?> AskAsync(
        EvaluationHost host, EvaluationSettings side, AskMode ask, string question, CancellationToken cancellationToken)
    {
        var request = new AnswerRequest(question)
        {
            Mode = ask == AskMode.Generative ? AnswerMode.Generative : AnswerMode.Extractive,
            SearchMode = side.Mode,
        };
        var clock = Stopwatch.StartNew();
        try
        {
            var answer = await host.Answers.AnswerAsync(request, cancellationToken).ConfigureAwait(false);
            return (answer, clock.Elapsed);
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (ServiceUnavailableException ex)
        {
            throw new InvalidOperationException(ex.Message, ex);
        }
    }
}
