using DocRag.Core.Text;

namespace DocRag.Bench.TextAnalysis;

/// <summary>
/// A retrieval test set: documents (row id, title, text), queries with their relevant row ids and grades, and the
/// language the set is known to be in (to compare detected with known languages).
/// </summary>
internal sealed record EvalSet(string Name, TextLanguage Language, IReadOnlyList<EvalDocument> Documents, IReadOnlyList<EvalQuery> Queries);
