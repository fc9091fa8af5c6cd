namespace DocRag.Core.Evaluation;

/// <summary>
/// A query of an evaluation set with its judgements: the relevant documents' ids and their grades (higher is more
/// relevant), and the answer texts that count as correct (SQuAD spans; empty for BEIR). A query without relevant
/// documents expects no answer.
/// </summary>
public sealed record EvaluationQuery(string Id, string Text, IReadOnlyDictionary<string, int> Relevant, IReadOnlyList<string> Answers);
