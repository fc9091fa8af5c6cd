namespace DocRag.Bench.TextAnalysis;

/// <summary>One query of an <see cref="EvalSet"/> (its id in the set) and the row ids judged relevant to it, with their grades.</summary>
internal sealed record EvalQuery(string Id, string Text, IReadOnlyDictionary<long, int> Relevant);
