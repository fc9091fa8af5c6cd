namespace DocRag.Core.Retrieval;

/// <summary>How a search ranks chunks.</summary>
public enum SearchMode
{
    /// <summary>FTS5 bm25 over the analysed title, heading and text (no neural model).</summary>
    Keyword = 0,

    /// <summary>Exact cosine similarity between the query's embedding and every chunk vector of the current model.</summary>
    Vector = 1,

    /// <summary>Keyword and vector rankings fused with Reciprocal Rank Fusion.</summary>
    Hybrid = 2,
}
