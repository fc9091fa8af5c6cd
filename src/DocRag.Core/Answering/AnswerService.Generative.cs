using System.Diagnostics;
using System.Runtime.CompilerServices;
using DocRag.Core.Generation;
using DocRag.Core.Hosting;
using DocRag.Core.Retrieval;
using DocRag.Core.Text;
using Microsoft.Extensions.AI;

namespace DocRag.Core.Answering;

/// <summary>Generative answers: prompt, a generation slot, streamed text with checked citations, then the answer.</summary>
public sealed partial class AnswerService
{
    private async IAsyncEnumerable<AnswerEvent> GenerateAsync(
        AnswerRun run, IChatClient generator, IReadOnlyList<SearchHit> relevant, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var counter = generator.GetService<ITokenCounter>() ?? ApproximateTokenCounter.Instance;
        var contextSize = generator.GetService<GenerationModelInfo>()?.ContextSize ?? DefaultContextSize;
        var request = run.Request;
        var prompt = new AnswerPromptBuilder(counter, contextSize, _options.PromptBudgetRatio)
            .Build(request.Question, run.Language, relevant, request.History, request.MaxOutputTokens ?? _options.MaxOutputTokens);
        Log.AnswerPromptBuilt(_logger, prompt.Passages.Count, relevant.Count, prompt.PromptTokens, contextSize, prompt.HistoryMessages);
        var options = new ChatOptions
        {
            MaxOutputTokens = prompt.MaxOutputTokens,
            Temperature = request.Temperature ?? _options.Temperature,
            TopP = request.TopP,
            Seed = request.Seed,
            StopSequences = request.StopSequences is { Count: > 0 } stops ? [.. stops] : null,
        };

        var started = run.Clock.Elapsed;
        using var slot = await _gate.EnterAsync(cancellationToken).ConfigureAwait(false);
        var filter = new CitationStreamFilter(prompt.Passages.Count);
        UsageDetails? usage = null;
        ChatFinishReason? finish = null;
        TimeSpan? firstToken = null;
        var updates = generator.GetStreamingResponseAsync(prompt.Messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (updates.ConfigureAwait(false))
        {
            while (await NextAsync(updates).ConfigureAwait(false))
            {
                var update = updates.Current;
                usage = update.Contents.OfType<UsageContent>().LastOrDefault()?.Details ?? usage;
                finish = update.FinishReason ?? finish;
                var text = filter.Append(update.Text);
                if (text.Length > 0)
                {
                    firstToken ??= run.Clock.Elapsed;
                    yield return new AnswerTokenEvent(text);
                }
            }
        }

        var rest = filter.Flush();
        if (rest.Length > 0)
        {
            yield return new AnswerTokenEvent(rest);
        }

        var answer = Finish(run, generator, prompt, filter, usage, counter, firstToken, run.Clock.Elapsed - started)
            with { Truncated = finish == ChatFinishReason.Length };
        yield return new AnswerCitationsEvent(answer.Citations);
        yield return new AnswerDoneEvent(answer);
    }

    private Answer Finish(
        AnswerRun run, IChatClient generator, AnswerPrompt prompt, CitationStreamFilter filter, UsageDetails? usage, ITokenCounter counter,
        TimeSpan? firstToken, TimeSpan generation)
    {
        var text = filter.Text.Trim();
        if (filter.Removed.Count > 0)
        {
            Log.InvalidCitationsRemoved(_logger, string.Join(", ", filter.Removed), prompt.Passages.Count);
        }

        // The no-answer sentence with no citation is a refusal; with citations it is part of a partial answer.
        var noAnswer = filter.Used.Count == 0 && NoAnswerDetector.SaysNoAnswer(text);
        var citations = filter.Used
            .Select(n => prompt.Passages[n - 1])
            .Select(p => Citation(p.Number, p.Hit, SentenceMatcher.Snippet(p.Hit.Text, p.Hit.Language, run.QueryTerms, _options.SnippetChars, [.. p.Hit.HeadingPath, p.Hit.Title])))
            .ToList();
        var outputTokens = (int)(usage?.OutputTokenCount ?? counter.CountTokens(text));
        var promptTokens = (int)(usage?.InputTokenCount ?? prompt.PromptTokens);
        _metrics?.RecordGeneration(outputTokens, generation);
        var answer = new Answer(
            text, AnswerMode.Generative, citations, noAnswer, noAnswer ? NoAnswerReason.NotInDocuments : null, run.Language.ToCode(),
            ModelId(generator), run.SearchModeName, prompt.Passages.Count, new AnswerUsage(promptTokens, outputTokens),
            run.Timings(firstToken, generation))
        {
            Relevance = run.Relevance,
            Unsupported = !noAnswer && !CitationSupport.Supports(text, [.. filter.Used.Select(n => prompt.Passages[n - 1].Hit)]),
        };
        if (answer.Unsupported)
        {
            Log.AnswerUnsupported(_logger, citations.Count);
        }

        Log.AnswerFinished(_logger, "generative", citations.Count, noAnswer, outputTokens, answer.Timings.TotalMs);
        return answer;
    }

    /// <summary>The next update; the local generator's full queue becomes the same 429 as the answer gate's.</summary>
    private async Task<bool> NextAsync(IAsyncEnumerator<ChatResponseUpdate> updates)
    {
        try
        {
            return await updates.MoveNextAsync().ConfigureAwait(false);
        }
        catch (GenerationQueueFullException ex)
        {
            throw new ServiceBusyException(ex.Message, TimeSpan.FromSeconds(_options.BusyRetryAfterSeconds));
        }
    }
}
