namespace DocRag.Core.Storage;

/// <summary>
/// An FTS5 query over <c>chunks_fts</c>. <see cref="Match"/> is passed to MATCH as is: the caller builds it from
/// <c>SearchText</c>-analysed terms and quotes them. bm25 weights are per column (title, heading, text); lower score is better.
/// </summary>
public sealed record FullTextQuery(
    string Match,
    int Limit = 50,
    double TitleWeight = 2.0,
    double HeadingWeight = 1.5,
    double TextWeight = 1.0,
    string? Collection = null,
    string? PathPrefix = null,
    string? Type = null);
