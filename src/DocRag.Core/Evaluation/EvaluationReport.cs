namespace DocRag.Core.Evaluation;

/// <summary>The result of one evaluation run (one side of a comparison).</summary>
/// <param name="Kind"><c>beir</c>, <c>squad</c> or <c>qa</c>.</param>
/// <param name="Set">The set's name (folder or file name).</param>
/// <param name="Settings">The side's label (<c>default</c>, or the settings it was given).</param>
/// <param name="Mode">The search mode: keyword, vector or hybrid.</param>
/// <param name="EmbeddingModel">The embedding model used for vectors; null in keyword mode.</param>
/// <param name="Documents">Documents searched over (for qa: indexed documents in the index).</param>
/// <param name="Chunks">Chunks they were cut into.</param>
/// <param name="Queries">Queries run.</param>
/// <param name="FailedQueries">Queries the search refused (too long, no searchable term is not a failure); they score 0.</param>
/// <param name="Latency">Search latency per query (the document-level search the metrics come from).</param>
/// <param name="Ask">Answer metrics; null when questions were not asked.</param>
/// <param name="IndexSeconds">Time to build the scratch index (0 for qa, which reads the current index).</param>
/// <param name="Warnings">Things the user should know (expected documents missing from the index, ...).</param>
/// <param name="IndexReused">True when a kept scratch index was reused as it was (<see cref="IndexSeconds"/> is then its first build's).</param>
public sealed record EvaluationReport(
    string Kind,
    string Set,
    string Settings,
    string Mode,
    string? EmbeddingModel,
    int Documents,
    int Chunks,
    int Queries,
    int FailedQueries,
    RankingScores Ranking,
    LatencySummary Latency,
    AskScores? Ask,
    double IndexSeconds,
    IReadOnlyList<string> Warnings,
    bool IndexReused = false);
