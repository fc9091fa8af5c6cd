using System.Diagnostics;
using DocRag.Core.Embeddings;
using DocRag.Core.Storage;
using DocRag.Core.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DocRag.Core.Retrieval;

/// <summary>
/// Searches the index: keyword (FTS5 bm25 with field weights), vector (exact cosine over <see cref="VectorIndex"/>) or
/// hybrid (both fused by normalised scores or Reciprocal Rank Fusion, the default when an embedding model is loaded,
/// the vector side left out where the model's languages do not cover the text), then filters, near-duplicate and
/// crowding control. Thread-safe; one per index.
/// </summary>
public sealed partial class SearchService
{
    private readonly IndexStore _store;
    private readonly KeywordSearcher _keyword;
    private readonly VectorIndex _vectors;
    private readonly Func<CancellationToken, Task<(IEmbeddingGenerator<string, Embedding<float>>? Embedder, string? Reason)>> _embedder;
    private readonly RetrievalOptions _options;
    private readonly ILogger _logger;

    public SearchService(IndexStore store, VectorIndex vectors, EmbeddingModelHost embeddings, IOptions<RetrievalOptions> options, ILogger<SearchService> logger)
        : this(store, vectors, HostEmbedder(embeddings), (options ?? throw new ArgumentNullException(nameof(options))).Value, logger)
    {
    }

    /// <summary>A search service with a given embedder (null: keyword only), for hosts without DI such as evaluation over a scratch index.</summary>
    public SearchService(IndexStore store, VectorIndex vectors, IEmbeddingGenerator<string, Embedding<float>>? embedder, RetrievalOptions options, ILogger? logger = null)
        : this(store, vectors, _ => Task.FromResult((embedder, embedder is null ? "none was given" : null)), options, logger)
    {
    }

    private SearchService(
        IndexStore store, VectorIndex vectors, Func<CancellationToken, Task<(IEmbeddingGenerator<string, Embedding<float>>?, string?)>> embedder,
        RetrievalOptions options, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _keyword = new KeywordSearcher(store);
        _vectors = vectors;
        _embedder = embedder;
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
        var timings = new SearchClock();
        var plan = await PlanAsync(request.Mode, timings, cancellationToken).ConfigureAwait(false);
        var query = SearchText.ForQuery(request.Query);
        if (query is not null && request.Mode is null && plan is { Mode: SearchMode.Hybrid, Embedder: { } model } && _options.MatchModelLanguages
            && EmbeddingLanguages.Of(model) is { } languages && !languages.Covers(query.Language))
        {
            // Left to choose, search does not embed a query in a language the model was not trained for.
            plan = new SearchPlan(
                SearchMode.Keyword, $"the query reads as {EmbeddingLanguages.Code(query.Language)} and the embedding model is for {languages.Display}: searched by keyword", null);
        }

        var filter = SearchFilter.From(request);
        if (query is null || filter is null)
        {
            return new SearchResult([], plan.Mode, plan.Reason, query?.Terms ?? [], timings.ToTimings(total.Elapsed));
        }

        var keywordTask = plan.Mode == SearchMode.Vector
            ? Task.FromResult<IReadOnlyList<RankedChunk>>([])
            : Task.Run(() => KeywordAsync(query, filter, request.TopK, timings, cancellationToken), cancellationToken);
        IReadOnlyList<RankedChunk> vector = [];
        if (plan.Embedder is not null)
        {
            try
            {
                (plan, vector) = await VectorAsync(plan, request, filter, timings, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                // The keyword side is left to finish, observed, so its own failure is not lost unobserved.
                await ((Task)keywordTask).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                throw;
            }
        }

        var keyword = await keywordTask.ConfigureAwait(false);
        var fusion = Stopwatch.StartNew();
        IReadOnlyList<SearchHit> hits;
        SearchFusion? described = null;
        if (plan is { Mode: SearchMode.Hybrid, Embedder: { } embedder })
        {
            (hits, described) = await FuseHybridAsync(keyword, vector, embedder, query, filter, request.TopK, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var fused = ReciprocalRankFusion.Fuse(keyword, vector, 1, 1, _options.RrfK); // one list: its own order
            hits = await SelectHitsAsync(fused, filter, request.TopK, cancellationToken).ConfigureAwait(false);
        }

        timings.Fusion = fusion.Elapsed;
        return new SearchResult(hits, plan.Mode, plan.Reason, query.Terms, timings.ToTimings(total.Elapsed), described);
    }

    private async Task<IReadOnlyList<RankedChunk>> KeywordAsync(FtsQuery query, SearchFilter filter, int topK, SearchClock timings, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var hits = await KeywordRanking.SearchAsync(_keyword, _store, query, filter, Math.Max(_options.KeywordCandidates, 2 * topK), _options, cancellationToken).ConfigureAwait(false);
        timings.Keyword = Stopwatch.GetElapsedTime(started);
        return hits;
    }

    private static Func<CancellationToken, Task<(IEmbeddingGenerator<string, Embedding<float>>?, string?)>> HostEmbedder(EmbeddingModelHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return async cancellationToken =>
        {
            var embedder = await host.GetAsync(cancellationToken).ConfigureAwait(false);
            return (embedder, embedder is null ? host.Status.Reason ?? host.Status.State.ToString().ToLowerInvariant() : null);
        };
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

        if (request.Mode is { } mode && !Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(request), mode, "unknown search mode");
        }
    }
}
