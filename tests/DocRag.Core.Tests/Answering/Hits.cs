using DocRag.Core.Retrieval;
using DocRag.Core.Storage;
using DocRag.Core.Text;

namespace DocRag.Core.Tests.Answering;

/// <summary>Hand-made search hits and results, as the search service returns them.</summary>
internal static class Hits
{
    public static SearchHit Make(
        int id, string text, string title = "Guide", int page = 1, string[]? heading = null, double score = 0.5,
        int? keywordRank = 1, double? similarity = null, TextLanguage language = TextLanguage.English) =>
        new(new ChunkId(id * 10), new DocumentId(id), $"/docs/doc{id}.md", "docs", title, "md", page, page, heading ?? [], text, 0,
            language, score, keywordRank, similarity is null ? null : 1, keywordRank is null ? null : 1.0, similarity);

    public static SearchResult Result(params SearchHit[] hits) =>
        new(hits, SearchMode.Keyword, null, [], new SearchTimings(default, default, default, default, default));
}
