namespace DocRag.Core.Retrieval;

/// <summary>The hits of a search, best first, and how they were found.</summary>
/// <param name="Mode">The mode actually used.</param>
/// <param name="ModeReason">Why the mode differs from the one asked for (or from hybrid, when none was asked for); null when it does not.</param>
/// <param name="QueryTerms">The query's analysed terms in index form (stems, folded), for highlighting; empty when it had none.</param>
/// <param name="Fusion">How a hybrid search combined its lists, and what it left out for language; null for one list alone.</param>
public sealed record SearchResult(
    IReadOnlyList<SearchHit> Hits,
    SearchMode Mode,
    string? ModeReason,
    IReadOnlyList<string> QueryTerms,
    SearchTimings Timings,
    SearchFusion? Fusion = null);
