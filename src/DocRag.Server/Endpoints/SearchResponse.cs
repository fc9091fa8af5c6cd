using DocRag.Core.Retrieval;
using DocRag.Server.Security;

namespace DocRag.Server.Endpoints;

/// <summary>The answer of <c>POST /v1/search</c>: hits best first, and how they were found.</summary>
/// <param name="Mode">The mode used: <c>keyword</c>, <c>vector</c> or <c>hybrid</c>.</param>
/// <param name="ModeReason">Why search ran by keyword when no mode was asked for (no embedding model, no vectors yet); null otherwise.</param>
/// <param name="Terms">The query's analysed terms (stems, lower case, without accents), for highlighting.</param>
/// <param name="Timings">Milliseconds spent: keyword, embedding (the query), vector, fusion and total.</param>
/// <param name="Fusion">For hybrid search: how the two lists were combined (method, weights) and what the vector side
/// left out because the embedding model was not trained for the query's or the passages' language; null otherwise.</param>
public sealed record SearchResponse(
    string Query,
    string Mode,
    string? ModeReason,
    IReadOnlyList<string> Terms,
    IReadOnlyList<SearchHitResponse> Hits,
    IReadOnlyDictionary<string, double> Timings,
    SearchFusion? Fusion = null)
{
    /// <param name="view">What the caller may see (paths relative to the collection for a scoped key); null shows everything.</param>
    public static SearchResponse From(string query, SearchResult result, ScopedView? view = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var t = result.Timings;
        return new SearchResponse(
            query,
            SearchModes.ToCode(result.Mode),
            view is null ? result.ModeReason : view.Text(result.ModeReason),
            result.QueryTerms,
            result.Hits.Select(h => SearchHitResponse.From(h, view)).ToArray(),
            new Dictionary<string, double>
            {
                ["keyword"] = Math.Round(t.Keyword.TotalMilliseconds, 3),
                ["embedding"] = Math.Round(t.Embedding.TotalMilliseconds, 3),
                ["vector"] = Math.Round(t.Vector.TotalMilliseconds, 3),
                ["fusion"] = Math.Round(t.Fusion.TotalMilliseconds, 3),
                ["total"] = Math.Round(t.Total.TotalMilliseconds, 3),
            },
            result.Fusion);
    }
}
