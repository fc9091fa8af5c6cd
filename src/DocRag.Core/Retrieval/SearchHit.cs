using DocRag.Core.Storage;
using DocRag.Core.Text;

namespace DocRag.Core.Retrieval;

/// <summary>One chunk found by a search, with the document facts a result list or a citation shows.</summary>
/// <param name="Title">The document's title, else its file name without extension.</param>
/// <param name="PageStart">1-based page the chunk starts on (1 for formats without pages).</param>
/// <param name="HeadingPath">The headings above the chunk, outermost first.</param>
/// <param name="Text">The chunk's original text.</param>
/// <param name="Ordinal">The chunk's position in its document (0-based), to fetch its neighbours.</param>
/// <param name="Score">The fused score: higher is better; comparable only within one result list.</param>
/// <param name="KeywordRank">1-based rank in the keyword list, null when keyword search did not find it (or did not run).</param>
/// <param name="VectorRank">1-based rank in the vector list, null when vector search did not find it (or did not run).</param>
/// <param name="KeywordScore">bm25 relevance (higher is better: FTS5's bm25 negated), null without a keyword match.</param>
/// <param name="VectorSimilarity">Cosine similarity to the query (-1 to 1), null when vector search did not find it.</param>
public sealed record SearchHit(
    ChunkId ChunkId,
    DocumentId DocumentId,
    string Path,
    string Collection,
    string Title,
    string Type,
    int PageStart,
    int PageEnd,
    IReadOnlyList<string> HeadingPath,
    string Text,
    int Ordinal,
    TextLanguage Language,
    double Score,
    int? KeywordRank,
    int? VectorRank,
    double? KeywordScore,
    double? VectorSimilarity);
