using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DocRag.Server.Endpoints.OpenAi;

/// <summary>
/// The body of <c>POST /v1/chat/completions</c>, as OpenAI's API defines it (the fields DocRag uses; others are
/// ignored), plus the <c>docrag</c> extension. The last message must be the user's question.
/// </summary>
public sealed record ChatCompletionRequest(
    [property: Required, MinLength(1), MaxLength(1000)] IReadOnlyList<ChatCompletionMessage> Messages,
    string? Model = null,
    bool Stream = false,
    [property: JsonPropertyName("stream_options")] ChatStreamOptions? StreamOptions = null,
    [property: JsonPropertyName("max_tokens"), Range(1, 32_768)] int? MaxTokens = null,
    [property: JsonPropertyName("max_completion_tokens"), Range(1, 32_768)] int? MaxCompletionTokens = null,
    [property: Range(0.0, 2.0)] float? Temperature = null,
    [property: JsonPropertyName("top_p"), Range(0.0, 1.0)] float? TopP = null,
    JsonElement? Stop = null,
    long? Seed = null,
    [property: Range(1, 1)] int? N = null,
    [property: JsonPropertyName("docrag")] DocRagChatOptions? DocRag = null);
