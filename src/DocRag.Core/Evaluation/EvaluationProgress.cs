namespace DocRag.Core.Evaluation;

/// <summary>How far an evaluation is: its phase (<c>indexing</c>, <c>searching</c>, <c>answering</c>) and items done of the total.</summary>
public sealed record EvaluationProgress(string Phase, int Done, int Total);
