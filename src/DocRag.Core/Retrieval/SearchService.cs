using System.Diagnostics;
using DocRag.Core.Storage;
using DocRag.Core.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DocRag.Core.Retrieval;

/// <summary>
/// Searches the index: keyword (FTS5 bm25 with field weights), vector (exact cosine over the in-memory index) or hybrid
/// (both fused with Reciprocal Rank Fusion), then filters, near-duplicate and crowding control. Thread-safe; one per index.
/// </summary>
public sealed partial class SearchService
{
    private readonly IndexStore _store;
    private readonly RetrievalOptions _options;
    private readonly ILogger _logger;

    public SearchService(IndexStore store, IOptions<RetrievalOptions> options, ILogger<SearchService> logger)
        : this(store, (options ?? throw new ArgumentNullException(nameof(options))).Value, logger)
    {
    }

    /// <summary>A search service over <paramref name="store"/> (for hosts without DI: evaluation over a scratch index).</summary>
    public SearchService(IndexStore store, RetrievalOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _options = options;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>
    /// Runs <paramref name="request"/>. A query without searchable terms (punctuation only) finds nothing; it is not an
    /// error. Throws <see cref="ArgumentException"/> for an empty or over-long query or a top-k out of range, and
    /// <see cref="SearchModeUnavailableException"/> when vector or hybrid search was asked for and cannot run.
    /// </summary>
    public async Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        Validate(request);
        var total = Stopwatch.StartNew();
        var mode = request.Mode ?? SearchMode.Keyword;
        if (mode != SearchMode.Keyword)
        {
            throw new SearchModeUnavailableException(mode, "no embedding model is loaded");
        }

        var query = SearchText.ForQuery(request.Query);
        var filter = SearchFilter.From(request);
        if (query is null || filter is null)
        {
            return new SearchResult([], mode, null, query?.Terms ?? [], new SearchTimings(default, default, default, default, total.Elapsed));
        }

        var keywordTime = Stopwatch.StartNew();
        var keyword = await KeywordSearcher.SearchAsync(_store, query, filter, Math.Max(_options.KeywordCandidates, 2 * request.TopK), _options, cancellationToken).ConfigureAwait(false);
        keywordTime.Stop();

        var fusionTime = Stopwatch.StartNew();
        var fused = ReciprocalRankFusion.Fuse(keyword, [], _options.KeywordWeight, _options.VectorWeight, _options.RrfK);
        var hits = await SelectHitsAsync(fused, filter, request.TopK, cancellationToken).ConfigureAwait(false);
        return new SearchResult(hits, mode, null, query.Terms, new SearchTimings(keywordTime.Elapsed, default, default, fusionTime.Elapsed, total.Elapsed));
    }

    private static void Validate(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Query))
        {
            throw new ArgumentException("the query is empty", nameof(request));
        }

        if (request.Query.Length > SearchRequest.MaxQueryLength)
        {
            throw new ArgumentException($"the query is longer than {SearchRequest.MaxQueryLength} characters", nameof(request));
        }

        if (request.TopK is < 1 or > SearchRequest.MaxTopK)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.TopK, $"topK must be between 1 and {SearchRequest.MaxTopK}");
        }
    }
}
