namespace DocRag.Core.Evaluation;

/// <summary>A corpus and its judged queries, read by <see cref="BeirLoader"/> or <see cref="SquadLoader"/>.</summary>
/// <param name="Name">The set's name (its folder or file name), for reports.</param>
public sealed record EvaluationSet(string Name, IReadOnlyList<EvaluationDocument> Documents, IReadOnlyList<EvaluationQuery> Queries);
