using DocRag.Core.Retrieval;
using DocRag.Server.Security;

namespace DocRag.Server.Endpoints;

/// <summary>One hit of <c>POST /v1/search</c>.</summary>
/// <param name="Page">The page the chunk starts on (1 for formats without pages); <paramref name="PageEnd"/> where it ends.</param>
/// <param name="Heading">The headings above the chunk joined with " > " (empty when none); <paramref name="HeadingPath"/> lists them.</param>
/// <param name="Score">The fused score, higher is better; compare only within one response.</param>
/// <param name="KeywordRank">Rank in the keyword list (1 = best), null when keyword search did not find it.</param>
/// <param name="VectorRank">Rank in the vector list, null when vector search did not find it.</param>
/// <param name="KeywordScore">bm25 relevance, higher is better; null without a keyword match.</param>
/// <param name="VectorSimilarity">Cosine similarity to the query, null when vector search did not find it.</param>
public sealed record SearchHitResponse(
    long ChunkId,
    long DocumentId,
    string Path,
    string Collection,
    string Title,
    string Type,
    int Page,
    int PageEnd,
    string Heading,
    IReadOnlyList<string> HeadingPath,
    string Text,
    double Score,
    int? KeywordRank,
    int? VectorRank,
    double? KeywordScore,
    double? VectorSimilarity,
    string Language)
{
    public static SearchHitResponse From(SearchHit hit, ScopedView? view = null)
    {
        ArgumentNullException.ThrowIfNull(hit);
        return new SearchHitResponse(
            hit.ChunkId.Value, hit.DocumentId.Value, view is null ? hit.Path : view.PathOf(hit.Path, hit.Collection), hit.Collection, hit.Title, hit.Type, hit.PageStart, hit.PageEnd,
            string.Join(" > ", hit.HeadingPath), hit.HeadingPath, hit.Text, hit.Score, hit.KeywordRank, hit.VectorRank,
            hit.KeywordScore, hit.VectorSimilarity, Core.Text.TextLanguageExtensions.ToCode(hit.Language));
    }
}
