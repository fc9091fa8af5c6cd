namespace DocRag.Core.Evaluation;

/// <summary>A document of an evaluation corpus: its id in the set, its title (null when it has none) and its text.</summary>
public sealed record EvaluationDocument(string Id, string? Title, string Text);
