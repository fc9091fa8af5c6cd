using System.Text;
using DocRag.Core.Answering;
using DocRag.Server.Endpoints.OpenAi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.AI;

namespace DocRag.Server.Endpoints;

/// <summary>Completions straight from the generator (<c>docrag.rag: false</c>): the messages as sent, no sources.</summary>
public static partial class ChatCompletionEndpoints
{
    private static async Task<Results<Ok<ChatCompletionResponse>, ServerSentEventsResult<string>, ValidationProblem>> ChatAsync(
        ChatCompletionRequest body, List<ChatMessage> messages, List<string> stops, CompletionInfo completion, HttpContext context,
        AnswerService answers, ILogger logger)
    {
        var options = new ChatOptions
        {
            MaxOutputTokens = body.MaxCompletionTokens ?? body.MaxTokens,
            Temperature = body.Temperature,
            TopP = body.TopP,
            Seed = body.Seed,
            StopSequences = stops.Count > 0 ? stops : null,
        };
        var cancellationToken = context.RequestAborted;
        var updates = await StreamedResponse.StartAsync(answers.ChatAsync(messages, options, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (body.Stream)
        {
            return TypedResults.ServerSentEvents(ChatChunks(updates, completion, context, logger));
        }

        var text = new StringBuilder();
        UsageDetails? usage = null;
        ChatFinishReason? finish = null;
        await using (updates.ConfigureAwait(false))
        {
            do
            {
                text.Append(updates.Current.Text);
                usage = updates.Current.Contents.OfType<UsageContent>().LastOrDefault()?.Details ?? usage;
                finish = updates.Current.FinishReason ?? finish;
            }
            while (await updates.MoveNextAsync().ConfigureAwait(false));
        }

        return TypedResults.Ok(new ChatCompletionResponse(
            completion.Id, ModelFor(context), completion.Created,
            [new ChatCompletionChoice(0, new ChatCompletionReply("assistant", text.ToString()), FinishReason(finish))],
            Usage(usage)));
    }

    private static async IAsyncEnumerable<string> ChatChunks(
        IAsyncEnumerator<ChatResponseUpdate> updates, CompletionInfo completion, HttpContext context, ILogger logger)
    {
        var json = JsonFor(context);
        var model = ModelFor(context);
        UsageDetails? usage = null;
        ChatFinishReason? finish = null;
        await using (updates.ConfigureAwait(false))
        {
            yield return Chunk(json, completion, model, new ChatCompletionReply("assistant", ""), null);
            var more = true;
            while (more)
            {
                var update = updates.Current;
                usage = update.Contents.OfType<UsageContent>().LastOrDefault()?.Details ?? usage;
                finish = update.FinishReason ?? finish;
                if (update.Text.Length > 0)
                {
                    yield return Chunk(json, completion, model, new ChatCompletionReply(null, update.Text), null);
                }

                (more, var error) = await StreamedResponse.NextAsync(updates).ConfigureAwait(false);
                if (error is not null)
                {
                    yield return ErrorChunk(json, context, error, logger);
                    yield break;
                }
            }
        }

        yield return Chunk(json, completion, model, new ChatCompletionReply(null, null), FinishReason(finish));
        if (completion.IncludeUsage)
        {
            yield return UsageChunk(json, completion, model, Usage(usage));
        }

        yield return Done;
    }

    private static ChatCompletionUsage Usage(UsageDetails? usage) =>
        new((int)(usage?.InputTokenCount ?? 0), (int)(usage?.OutputTokenCount ?? 0));
}
