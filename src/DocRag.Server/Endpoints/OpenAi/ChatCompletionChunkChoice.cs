using System.Text.Json.Serialization;

namespace DocRag.Server.Endpoints.OpenAi;

/// <summary>The choice of a streamed chunk: a delta, and the finish reason on the last one (null before).</summary>
public sealed record ChatCompletionChunkChoice(
    int Index,
    ChatCompletionReply Delta,
    [property: JsonPropertyName("finish_reason")] string? FinishReason);
