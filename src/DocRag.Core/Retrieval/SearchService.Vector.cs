using System.Diagnostics;
using DocRag.Core.Embeddings;
using Microsoft.Extensions.AI;

namespace DocRag.Core.Retrieval;

public sealed partial class SearchService
{
    /// <summary>
    /// Picks the mode: the one asked for, else hybrid when an embedder is loaded and the index holds its vectors, else
    /// keyword with the reason. Vector or hybrid asked for explicitly and impossible throws instead of falling back.
    /// </summary>
    private async Task<SearchPlan> PlanAsync(SearchMode? requested, SearchClock timings, CancellationToken cancellationToken)
    {
        if (requested == SearchMode.Keyword)
        {
            return new SearchPlan(SearchMode.Keyword, null, null);
        }

        var started = Stopwatch.GetTimestamp();
        var (embedder, reason) = await _embedder(cancellationToken).ConfigureAwait(false);
        timings.Embedding += Stopwatch.GetElapsedTime(started);
        if (embedder is null)
        {
            return Unavailable(requested, reason is not null && reason.StartsWith("no embedding model", StringComparison.OrdinalIgnoreCase)
                ? reason
                : $"no embedding model is loaded ({reason ?? "none was found"})");
        }

        started = Stopwatch.GetTimestamp();
        await _vectors.EnsureCurrentAsync(cancellationToken).ConfigureAwait(false);
        timings.Vector += Stopwatch.GetElapsedTime(started);
        return VectorProblem(embedder) is { } problem
            ? Unavailable(requested, problem)
            : new SearchPlan(requested ?? SearchMode.Hybrid, null, embedder);
    }

    private async Task<(SearchPlan Plan, IReadOnlyList<RankedChunk> Hits)> VectorAsync(
        SearchPlan plan, SearchRequest request, SearchFilter filter, SearchClock timings, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        ReadOnlyMemory<float> query;
        try
        {
            var embeddings = await plan.Embedder!.GenerateAsync([request.Query], EmbeddingPurposeExtensions.ForQuery(), cancellationToken).ConfigureAwait(false);
            query = embeddings[0].Vector;
        }
        catch (Exception ex) when (request.Mode is null && ex is not OperationCanceledException)
        {
            // Searching must not depend on the model: a query it cannot embed is still searched by keyword.
            Log.QueryEmbeddingFailed(_logger, ex);
            return (new SearchPlan(SearchMode.Keyword, $"the embedding model failed on the query ({ex.Message})", null), []);
        }
        finally
        {
            timings.Embedding += Stopwatch.GetElapsedTime(started);
        }

        started = Stopwatch.GetTimestamp();
        try
        {
            if (_vectors.Model is { } model && query.Length != model.Dimension)
            {
                return (Unavailable(request.Mode, $"the embedding model returned {query.Length} dimensions but the index's vectors have {model.Dimension}"), []);
            }

            var matches = _vectors.Search(query.Span, Math.Max(_options.VectorCandidates, 2 * request.TopK), filter);
            return (plan, matches.Select(m => new RankedChunk(m.ChunkId, m.Similarity)).ToArray());
        }
        finally
        {
            timings.Vector += Stopwatch.GetElapsedTime(started);
        }
    }

    /// <summary>Why the loaded vectors cannot serve this embedder's queries; null when they can.</summary>
    private string? VectorProblem(IEmbeddingGenerator<string, Embedding<float>> embedder)
    {
        var metadata = embedder.GetService<EmbeddingGeneratorMetadata>();
        var id = metadata?.DefaultModelId ?? metadata?.ProviderName ?? embedder.GetType().Name;
        var model = _vectors.Model;
        if (model is null)
        {
            return "the index has no vectors yet; sync the folders while the embedding model is loaded";
        }

        if (model.ModelId != id || (metadata?.DefaultModelDimensions is { } dimension && dimension != model.Dimension))
        {
            return $"the index's vectors were made by {model.ModelId} ({model.Dimension} dimensions), not by the loaded model {id}; sync the folders to re-embed them";
        }

        return _vectors.Count == 0 ? $"the index has no vectors of {id} yet; they are written as the folders sync" : null;
    }

    private SearchPlan Unavailable(SearchMode? requested, string problem)
    {
        if (requested is { } mode)
        {
            throw new SearchModeUnavailableException(mode, problem);
        }

        Log.SearchFellBackToKeyword(_logger, problem);
        return new SearchPlan(SearchMode.Keyword, problem, null);
    }
}
