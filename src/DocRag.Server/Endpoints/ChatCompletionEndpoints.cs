using System.Text.Json;
using DocRag.Core.Answering;
using DocRag.Core.Generation;
using DocRag.Core.Retrieval;
using DocRag.Server.Endpoints.OpenAi;
using DocRag.Server.Problems;
using DocRag.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.AI;

namespace DocRag.Server.Endpoints;

/// <summary>
/// <c>POST /v1/chat/completions</c>, OpenAI-compatible: the last user message is answered from the documents (RAG, with
/// the earlier turns as context) unless <c>docrag.rag</c> is false, as one completion or as <c>chat.completion.chunk</c>
/// events ending with <c>data: [DONE]</c>. The cited passages come back in <c>sources</c> (on the response, or on the
/// last chunk). Errors are DocRag's problems with an extra OpenAI-style <c>error</c> member (see docs/API.md).
/// </summary>
public static partial class ChatCompletionEndpoints
{
    public static RouteGroupBuilder MapChatCompletions(this RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        v1.MapPost("/chat/completions", CreateChatCompletion)
            .WithName("CreateChatCompletion")
            .WithTags("OpenAI-compatible")
            .WithSummary("OpenAI-compatible chat completion, answered from the documents by default (sources in 'sources')")
            .WithMetadata(new OpenAiErrorShape())
            .Produces<ChatCompletionResponse>(StatusCodes.Status200OK, "application/json", "text/event-stream")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireReadiness();
        return v1;
    }

    private static async Task<Results<Ok<ChatCompletionResponse>, ServerSentEventsResult<string>, ValidationProblem>> CreateChatCompletion(
        ChatCompletionRequest body, HttpContext context, AnswerService answers, ILoggerFactory loggers)
    {
        var messages = new List<ChatMessage>();
        foreach (var message in body.Messages)
        {
            if (ContentText(message.Content) is not { } text)
            {
                return Invalid("messages", "Each message's content must be a string or an array of text parts, of valid Unicode text (no lone surrogates).");
            }

            messages.Add(new ChatMessage(new ChatRole(message.Role == "developer" ? "system" : message.Role), text));
        }

        if (messages[^1].Role != ChatRole.User || string.IsNullOrWhiteSpace(messages[^1].Text))
        {
            return Invalid("messages", "The last message must be the user's question (role 'user', with text).");
        }

        if (body.DocRag?.Rag != false && messages[^1].Text.Length > AnswerRequest.MaxQuestionLength)
        {
            // Checked here like /v1/ask's question: AnswerService would refuse it with an exception (a 500).
            return Invalid("messages", $"The user's question (the last message) is longer than {AnswerRequest.MaxQuestionLength} characters.");
        }

        if (StopSequences(body.Stop) is not { } stops)
        {
            return Invalid("stop", "stop must be a string or an array of at most 4 strings, of valid Unicode text.");
        }

        var logger = loggers.CreateLogger(typeof(ChatCompletionEndpoints));
        var completion = new CompletionInfo($"chatcmpl-{Guid.NewGuid():N}", DateTimeOffset.UtcNow.ToUnixTimeSeconds(), body.Stream && body.StreamOptions?.IncludeUsage == true);
        try
        {
            return body.DocRag?.Rag == false
                ? await ChatAsync(body, messages, stops, completion, context, answers, logger).ConfigureAwait(false)
                : await AnswerAsync(body, messages, stops, completion, context, answers, logger).ConfigureAwait(false);
        }
        catch (QuestionTooLongException ex)
        {
            return Invalid("messages", ex.Message);
        }
        catch (GenerationPromptTooLongException ex)
        {
            return Invalid("messages", ex.Message);
        }
    }

    private static AnswerRequest ToAnswerRequest(ChatCompletionRequest body, List<ChatMessage> messages, List<string> stops, HttpContext context) =>
        new(messages[^1].Text)
        {
            History = messages[..^1],
            Collection = body.DocRag?.Collection,
            AllowedCollections = CollectionAccess.ResolveSearchScope(context, body.DocRag?.Collection),
            TopK = body.DocRag?.TopK,
            SearchMode = body.DocRag?.SearchMode is { } mode ? Enum.Parse<SearchMode>(mode, ignoreCase: true) : null,
            MaxOutputTokens = body.MaxCompletionTokens ?? body.MaxTokens,
            Temperature = body.Temperature,
            TopP = body.TopP,
            Seed = body.Seed,
            StopSequences = stops,
        };

    /// <summary>A message's text: the string, or its text parts joined; null for any other shape or for text that is not valid Unicode.</summary>
    internal static string? ContentText(JsonElement? content) => content switch
    {
        null or { ValueKind: JsonValueKind.Null } => "",
        { ValueKind: JsonValueKind.String } text => JsonStrings.TryGet(text),
        { ValueKind: JsonValueKind.Array } parts when parts.EnumerateArray().All(IsTextPart) => JoinParts(parts),
        _ => null,
    };

    private static string? JoinParts(JsonElement parts)
    {
        var texts = parts.EnumerateArray().Select(p => JsonStrings.TryGet(p.GetProperty("text"))).ToList();
        return texts.Contains(null) ? null : string.Join("\n", texts);
    }

    private static bool IsTextPart(JsonElement part) =>
        part.ValueKind == JsonValueKind.Object
        && part.TryGetProperty("type", out var type) && type.ValueEquals("text")
        && part.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String;

    private static List<string>? StopSequences(JsonElement? stop)
    {
        var values = stop switch
        {
            null or { ValueKind: JsonValueKind.Null } => [],
            { ValueKind: JsonValueKind.String } one => [JsonStrings.TryGet(one)],
            { ValueKind: JsonValueKind.Array } many when many.GetArrayLength() <= 4 && many.EnumerateArray().All(s => s.ValueKind == JsonValueKind.String) =>
                [.. many.EnumerateArray().Select(JsonStrings.TryGet)],
            _ => (List<string?>?)null,
        };
        return values is null || values.Contains(null) ? null : [.. values.Select(v => v!)];
    }

    private static ValidationProblem Invalid(string field, string message) =>
        DocRagProblems.Validation(new Dictionary<string, string[]> { [field] = [message] });

    private static string FinishReason(ChatFinishReason? reason) => reason == ChatFinishReason.Length ? "length" : "stop";

    /// <summary>What every chunk of one completion shares.</summary>
    private sealed record CompletionInfo(string Id, long Created, bool IncludeUsage);
}
