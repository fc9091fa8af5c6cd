using System.Diagnostics;
using System.Runtime.CompilerServices;
using DocRag.Core.Diagnostics;
using DocRag.Core.Generation;
using DocRag.Core.Hosting;
using DocRag.Core.Retrieval;
using DocRag.Core.Storage;
using DocRag.Core.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DocRag.Core.Answering;

/// <summary>
/// Answers a question from the index: search, keep the relevant passages, then either the generator writes an answer
/// from them (numbered passages in a prompt that fits its context, citations checked) or, without a generator, the
/// matching sentences are quoted. Nothing relevant found means a no-answer without calling the generator.
/// Works with any <see cref="IChatClient"/>: the local llama.cpp model, a remote OpenAI-compatible server, a test double.
/// </summary>
public sealed partial class AnswerService : IDisposable
{
    /// <summary>The context assumed for a generator that does not say its own (<see cref="GenerationModelInfo"/>).</summary>
    internal const int DefaultContextSize = 4096;

    private readonly Func<SearchRequest, CancellationToken, Task<SearchResult>> _search;
    private readonly Func<CancellationToken, Task<IChatClient?>> _generator;
    private readonly AnsweringOptions _options;
    private readonly DocRagMetrics? _metrics;
    private readonly ILogger _logger;
    private readonly GenerationGate _gate;
    private readonly RelevanceJudge? _judge;

    public AnswerService(
        SearchService search, GenerationModelHost generators, IndexStore store, IOptions<AnsweringOptions> options, DocRagMetrics metrics, ILogger<AnswerService> logger)
        : this(
            (request, ct) => (search ?? throw new ArgumentNullException(nameof(search))).SearchAsync(request, ct),
            (generators ?? throw new ArgumentNullException(nameof(generators))).GetAsync,
            (options ?? throw new ArgumentNullException(nameof(options))).Value,
            metrics,
            logger,
            (store ?? throw new ArgumentNullException(nameof(store))).FullTextFrequenciesAsync)
    {
    }

    /// <summary>For tests: any search and generator; without <paramref name="frequencies"/>, every passage found counts as relevant.</summary>
    internal AnswerService(
        Func<SearchRequest, CancellationToken, Task<SearchResult>> search,
        Func<CancellationToken, Task<IChatClient?>> generator,
        AnsweringOptions options,
        DocRagMetrics? metrics,
        ILogger logger,
        Func<IReadOnlyList<string>, CancellationToken, Task<(long Chunks, long[] Matching)>>? frequencies = null)
    {
        _search = search;
        _generator = generator;
        _options = options;
        _metrics = metrics;
        _logger = logger;
        _judge = frequencies is null ? null : new RelevanceJudge(frequencies, options);
        _gate = new GenerationGate(options.MaxConcurrentGenerations, options.MaxQueuedGenerations, TimeSpan.FromSeconds(options.BusyRetryAfterSeconds));
    }

    /// <summary>Answers <paramref name="request"/> in one piece (the last event of <see cref="StreamAsync"/>).</summary>
    public async Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken = default)
    {
        await foreach (var step in StreamAsync(request, cancellationToken).ConfigureAwait(false))
        {
            if (step is AnswerDoneEvent done)
            {
                return done.Answer;
            }
        }

        throw new UnreachableException("An answer stream ended without its done event.");
    }

    /// <summary>
    /// Answers <paramref name="request"/> as it is written: text pieces, then the citations, then the whole answer.
    /// Errors that stop the answer before any text (bad question, queue full, no generator when one was asked for,
    /// search mode unavailable) are thrown by the first <c>MoveNextAsync</c>. Cancelling stops the generation.
    /// </summary>
    /// <exception cref="ArgumentException">The question is empty or longer than <see cref="AnswerRequest.MaxQuestionLength"/>.</exception>
    /// <exception cref="QuestionTooLongException">The question does not fit the generator's context.</exception>
    /// <exception cref="ServiceBusyException">Too many answers are being generated.</exception>
    /// <exception cref="ServiceUnavailableException">Generative mode was asked for without a generator, or the search mode cannot run.</exception>
    public async IAsyncEnumerable<AnswerEvent> StreamAsync(AnswerRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Validate(request);
        var clock = Stopwatch.StartNew();
        var language = LanguageDetector.Detect(request.Question);
        var search = await SearchAsync(request, cancellationToken).ConfigureAwait(false);
        var retrieval = clock.Elapsed;
        IReadOnlyList<SearchHit> relevant = [.. search.Hits.Where(IsRelevant)];
        var generator = request.Mode == AnswerMode.Extractive ? null : await _generator(cancellationToken).ConfigureAwait(false);
        if (request.Mode == AnswerMode.Generative && generator is null)
        {
            throw new ServiceUnavailableException("No generator model is available, so only extractive answers can be given (mode: extractive).");
        }

        // The relevance decision comes before the generator is called: a question the passages cannot answer costs no generation.
        var verdict = relevant.Count == 0 || _judge is null
            ? null
            : await _judge.JudgeAsync(request.Question, language, relevant, cancellationToken).ConfigureAwait(false);
        var run = new AnswerRun(request, language, search, clock, retrieval) { Relevance = verdict?.Signals };
        var steps = relevant.Count == 0
            ? NoPassages(run, generator, search.Hits.Count)
            : verdict is { Relevant: false }
                ? NotRelevant(run, generator, relevant.Count, verdict)
                : generator is null
                ? ExtractiveAsync(run, relevant)
                : GenerateAsync(run, generator, relevant, cancellationToken);
        await foreach (var step in steps.ConfigureAwait(false))
        {
            yield return step;
        }
    }

    public void Dispose() => _gate.Dispose();

    private static void Validate(AnswerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Question))
        {
            throw new ArgumentException("The question is empty.", nameof(request));
        }

        if (request.Question.Length > AnswerRequest.MaxQuestionLength)
        {
            throw new ArgumentException($"The question is longer than {AnswerRequest.MaxQuestionLength} characters.", nameof(request));
        }

        if (request.TopK is < 1 or > SearchRequest.MaxTopK)
        {
            throw new ArgumentException($"topK must be between 1 and {SearchRequest.MaxTopK}.", nameof(request));
        }
    }

    private async Task<SearchResult> SearchAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        var search = new SearchRequest(
            request.Question, request.TopK ?? _options.TopK, request.SearchMode, request.Collection, AllowedCollections: request.AllowedCollections);
        try
        {
            return await _search(search, cancellationToken).ConfigureAwait(false);
        }
        catch (SearchModeUnavailableException ex)
        {
            throw new ServiceUnavailableException(ex.Message, ex);
        }
    }

    /// <summary>Above the relevance floor, and for a hit found only by meaning, similar enough to the question.</summary>
    private bool IsRelevant(SearchHit hit) =>
        hit.Score >= _options.RelevanceFloor
        && (hit.KeywordRank is not null || hit.VectorSimilarity is not { } similarity || similarity >= _options.MinVectorSimilarity);
}
