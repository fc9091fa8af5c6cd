namespace DocRag.Core.Evaluation;

/// <summary>
/// How the answers did. Shares are 0 to 1 and null when no question could count towards them.
/// </summary>
/// <param name="Mode">extractive or generative.</param>
/// <param name="Questions">Questions asked.</param>
/// <param name="CitesExpected">Of the questions with an expected document: the share whose answer cites it (on the expected page, when one is given).</param>
/// <param name="ContainsAnswer">Of the questions with an expected answer text: the share whose answer text contains it (words compared case- and accent-insensitively).</param>
/// <param name="Unanswerable">Questions the documents are not expected to answer.</param>
/// <param name="NoAnswerCorrect">Of those: the share answered with "the documents do not say".</param>
/// <param name="FalseNoAnswer">Of the answerable questions: the share wrongly answered with "the documents do not say".</param>
public sealed record AskScores(
    string Mode,
    int Questions,
    double? CitesExpected,
    double? ContainsAnswer,
    int Unanswerable,
    double? NoAnswerCorrect,
    double? FalseNoAnswer,
    LatencySummary Latency);
