using DocRag.Core.Retrieval;
using DocRag.Core.Text;
using Microsoft.Extensions.AI;

namespace DocRag.Core.Answering;

/// <summary>Answers without the generator: no relevant passages, and extractive answers.</summary>
public sealed partial class AnswerService
{
    private async IAsyncEnumerable<AnswerEvent> NoPassages(AnswerRun run, IChatClient? generator, int hits)
    {
        var reason = hits == 0 ? NoAnswerReason.NoPassages : NoAnswerReason.BelowRelevanceFloor;
        Log.AnswerNoRelevantPassages(_logger, hits, reason.ToString());
        var mode = generator is null ? AnswerMode.Extractive : AnswerMode.Generative;
        var answer = NoAnswer(run, mode, reason, generator is null ? null : ModelId(generator), passages: 0);
        await foreach (var step in Emit(answer).ConfigureAwait(false))
        {
            yield return step;
        }
    }

    private async IAsyncEnumerable<AnswerEvent> NotRelevant(AnswerRun run, IChatClient? generator, int passages, RelevanceVerdict verdict)
    {
        Log.AnswerNotRelevant(_logger, passages, verdict.Signals.Decider ?? "", verdict.Reason ?? "");
        var mode = generator is null ? AnswerMode.Extractive : AnswerMode.Generative;
        var answer = NoAnswer(run, mode, NoAnswerReason.NotRelevant, generator is null ? null : ModelId(generator), passages: 0) with { NoAnswerDetail = verdict.Reason };
        await foreach (var step in Emit(answer).ConfigureAwait(false))
        {
            yield return step;
        }
    }

    private async IAsyncEnumerable<AnswerEvent> ExtractiveAsync(AnswerRun run, IReadOnlyList<SearchHit> relevant)
    {
        var (text, quoted) = ExtractiveAnswer.Build(relevant, run.QueryTerms, _options.ExtractivePassages, _options.ExtractiveSentences);
        var answer = quoted.Count == 0
            ? NoAnswer(run, AnswerMode.Extractive, NoAnswerReason.NoMatchingSentences, model: null, relevant.Count)
            : new Answer(
                text, AnswerMode.Extractive, [.. quoted.Select(p => Citation(p.Number, p.Hit, SentenceMatcher.Shorten(p.Text, _options.SnippetChars)))],
                NoAnswer: false, null, run.Language.ToCode(), Model: null, run.SearchModeName, relevant.Count, AnswerUsage.None, run.Timings()) { Relevance = run.Relevance };
        Log.AnswerFinished(_logger, "extractive", answer.Citations.Count, answer.NoAnswer, 0, answer.Timings.TotalMs);
        await foreach (var step in Emit(answer).ConfigureAwait(false))
        {
            yield return step;
        }
    }

    private static Answer NoAnswer(AnswerRun run, AnswerMode mode, NoAnswerReason reason, string? model, int passages) => new(
        AnswerInstructions.NoAnswerSentence(run.Language), mode, [], NoAnswer: true, reason, run.Language.ToCode(), model,
        run.SearchModeName, passages, AnswerUsage.None, run.Timings()) { Relevance = run.Relevance };

    /// <summary>A finished answer as events: its text in one piece, its citations, done.</summary>
    private static async IAsyncEnumerable<AnswerEvent> Emit(Answer answer)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        yield return new AnswerTokenEvent(answer.Text);
        yield return new AnswerCitationsEvent(answer.Citations);
        yield return new AnswerDoneEvent(answer);
    }

    private static AnswerCitation Citation(int number, SearchHit hit, string snippet) => new(
        number, hit.DocumentId, hit.ChunkId, hit.Path, hit.Collection, hit.Title, hit.PageStart, hit.PageEnd,
        AnswerInstructions.HeadingText(hit.HeadingPath), hit.HeadingPath, snippet, hit.Score);

    private static string? ModelId(IChatClient generator) => generator.GetService<ChatClientMetadata>()?.DefaultModelId;
}
