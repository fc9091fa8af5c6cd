using System.Text.Json.Serialization;

namespace DocRag.Server.Endpoints.OpenAi;

/// <summary>The one choice of a chat completion.</summary>
public sealed record ChatCompletionChoice(
    int Index,
    ChatCompletionReply Message,
    [property: JsonPropertyName("finish_reason")] string FinishReason);
