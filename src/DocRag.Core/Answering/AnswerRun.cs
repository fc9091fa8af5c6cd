using System.Diagnostics;
using DocRag.Core.Retrieval;
using DocRag.Core.Text;

namespace DocRag.Core.Answering;

/// <summary>What one answer carries from the search to its done event.</summary>
internal sealed record AnswerRun(AnswerRequest Request, TextLanguage Language, SearchResult Search, Stopwatch Clock, TimeSpan Retrieval)
{
    public IReadOnlySet<string> QueryTerms { get; } = SentenceMatcher.QueryTerms(Request.Question);

    /// <summary>What the relevance decision saw; null when it did not run (no passages, or no index to weigh words by).</summary>
    public RelevanceSignals? Relevance { get; init; }

    public string SearchModeName => Search.Mode.ToString().ToLowerInvariant();

    public AnswerTimings Timings(TimeSpan? firstToken = null, TimeSpan generation = default) => new(
        Ms(Retrieval), firstToken is { } first ? Ms(first) : null, Ms(generation), Ms(Clock.Elapsed));

    private static double Ms(TimeSpan time) => Math.Round(time.TotalMilliseconds, 1);
}
