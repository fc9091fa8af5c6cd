namespace DocRag.Core.Evaluation;

/// <summary>Ranking metrics averaged over the judged queries (each 0 to 1, higher is better).</summary>
/// <param name="Queries">How many queries had a relevant document and were averaged.</param>
/// <param name="RecallAt100">Null when fewer than 100 results were asked for (squad and qa ask for 10).</param>
/// <param name="PageRecallAt5">QA files only: the share of questions with an expected page whose expected document is
/// in the first five and whose best passage there is on that page; null when no question gives a page.</param>
public sealed record RankingScores(
    int Queries,
    double NdcgAt10,
    double RecallAt1,
    double RecallAt5,
    double RecallAt10,
    double? RecallAt100,
    double MrrAt10,
    double? PageRecallAt5 = null);
