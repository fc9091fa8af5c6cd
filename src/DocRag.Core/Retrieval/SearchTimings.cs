namespace DocRag.Core.Retrieval;

/// <summary>Where a search spent its time. Parts that did not run are zero; keyword and vector may overlap in time.</summary>
/// <param name="Keyword">The FTS5 query.</param>
/// <param name="Embedding">Embedding the query (loading the model the first time included).</param>
/// <param name="Vector">Bringing the vector index up to date with the store, and the scan.</param>
/// <param name="Fusion">Fusion, duplicate and crowding control, and reading the hits' chunks.</param>
/// <param name="Total">The whole search.</param>
public readonly record struct SearchTimings(TimeSpan Keyword, TimeSpan Embedding, TimeSpan Vector, TimeSpan Fusion, TimeSpan Total);
