using DocRag.Core.Text;

namespace DocRag.Bench.TextAnalysis;

/// <summary>
/// One setting of the keyword-retrieval experiment. <paramref name="Analyzer"/> null is the reference: raw text in an
/// FTS5 table with the porter tokenizer, the query's words OR-ed.
/// </summary>
/// <param name="KnownLanguage">Index each document in the set's known language instead of the detected one.</param>
/// <param name="AllThenAny">Rank the rows matching every clause first, then fill up with rows matching any.</param>
/// <param name="QueriesWithoutAccents">Strip the accents from the queries, as people often type them.</param>
internal sealed record FtsAnalysisVariant(
    string Name,
    TextAnalyzer? Analyzer,
    bool KnownLanguage = false,
    bool AllThenAny = false,
    bool QueriesWithoutAccents = false,
    double TitleWeight = 1.0);
