namespace DocRag.Bench.TextAnalysis;

/// <summary>One document of an <see cref="EvalSet"/>, under the FTS row id it is stored with.</summary>
internal sealed record EvalDocument(long RowId, string Title, string Text);
