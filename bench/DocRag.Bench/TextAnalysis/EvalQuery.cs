namespace DocRag.Bench.TextAnalysis;

/// <summary>One query of an <see cref="EvalSet"/> and the row ids judged relevant to it, with their grades.</summary>
internal sealed record EvalQuery(string Text, IReadOnlyDictionary<long, int> Relevant);
