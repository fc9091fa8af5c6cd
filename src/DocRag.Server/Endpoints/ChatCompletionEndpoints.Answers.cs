using System.Text.Json;
using DocRag.Core.Answering;
using DocRag.Server.Endpoints.OpenAi;
using DocRag.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace DocRag.Server.Endpoints;

/// <summary>Completions answered from the documents (RAG, the default).</summary>
public static partial class ChatCompletionEndpoints
{
    /// <summary>The <c>model</c> of extractive completions (no generator).</summary>
    public const string ExtractiveModel = "docrag-extractive";

    private const string Done = "[DONE]";

    private static async Task<Results<Ok<ChatCompletionResponse>, ServerSentEventsResult<string>, ValidationProblem>> AnswerAsync(
        ChatCompletionRequest body, List<ChatMessage> messages, List<string> stops, CompletionInfo completion, HttpContext context,
        AnswerService answers, ILogger logger)
    {
        var request = ToAnswerRequest(body, messages, stops, context);
        var cancellationToken = context.RequestAborted;
        var view = await ScopedView.ForAsync(context, cancellationToken).ConfigureAwait(false);
        if (!body.Stream)
        {
            var answer = view.AnswerOf(await answers.AnswerAsync(request, cancellationToken).ConfigureAwait(false));
            return TypedResults.Ok(new ChatCompletionResponse(
                completion.Id, answer.Model ?? ExtractiveModel, completion.Created,
                [new ChatCompletionChoice(0, new ChatCompletionReply("assistant", answer.Text), answer.Truncated ? "length" : "stop")],
                new ChatCompletionUsage(answer.Usage.PromptTokens, answer.Usage.OutputTokens), answer.Citations, DocRagAnswerInfo.From(answer)));
        }

        var events = await StreamedResponse.StartAsync(answers.StreamAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);
        return TypedResults.ServerSentEvents(AnswerChunks(events, completion, context, logger, view));
    }

    private static async IAsyncEnumerable<string> AnswerChunks(
        IAsyncEnumerator<AnswerEvent> events, CompletionInfo completion, HttpContext context, ILogger logger, ScopedView view)
    {
        var json = JsonFor(context);
        var model = ModelFor(context);
        await using (events.ConfigureAwait(false))
        {
            yield return Chunk(json, completion, model, new ChatCompletionReply("assistant", ""), null);
            var more = true;
            while (more)
            {
                switch (events.Current)
                {
                    case AnswerTokenEvent token:
                        yield return Chunk(json, completion, model, new ChatCompletionReply(null, token.Text), null);
                        break;
                    case AnswerDoneEvent { Answer: var done }:
                        var answer = view.AnswerOf(done);
                        yield return JsonSerializer.Serialize(
                            new ChatCompletionChunk(completion.Id, model, completion.Created,
                                [new ChatCompletionChunkChoice(0, new ChatCompletionReply(null, null), answer.Truncated ? "length" : "stop")],
                                Sources: answer.Citations, DocRag: DocRagAnswerInfo.From(answer)),
                            json);
                        if (completion.IncludeUsage)
                        {
                            yield return UsageChunk(json, completion, model, new ChatCompletionUsage(answer.Usage.PromptTokens, answer.Usage.OutputTokens));
                        }

                        yield return Done;
                        break;
                }

                (more, var error) = await StreamedResponse.NextAsync(events).ConfigureAwait(false);
                if (error is not null)
                {
                    yield return ErrorChunk(json, context, error, logger);
                }
            }
        }
    }

    private static string Chunk(JsonSerializerOptions json, CompletionInfo completion, string model, ChatCompletionReply delta, string? finish) =>
        JsonSerializer.Serialize(new ChatCompletionChunk(completion.Id, model, completion.Created, [new ChatCompletionChunkChoice(0, delta, finish)]), json);

    private static string UsageChunk(JsonSerializerOptions json, CompletionInfo completion, string model, ChatCompletionUsage usage) =>
        JsonSerializer.Serialize(new ChatCompletionChunk(completion.Id, model, completion.Created, [], usage), json);

    /// <summary>A failure after the stream started: the problem with OpenAI's <c>error</c> member, as the last data line.</summary>
    private static string ErrorChunk(JsonSerializerOptions json, HttpContext context, Exception error, ILogger logger)
    {
        var problem = StreamedResponse.Problem(context, error, logger);
        OpenAiErrors.AddErrorMember(problem);
        return JsonSerializer.Serialize(problem, json);
    }

    private static JsonSerializerOptions JsonFor(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

    /// <summary>The model chunks name: the generator in use (local or remote), else the extractive pseudo-model.</summary>
    private static string ModelFor(HttpContext context) =>
        context.RequestServices.GetRequiredService<Core.Generation.GenerationModelHost>().Status.Info?.ModelId ?? ExtractiveModel;
}
