using System.Text.Json.Serialization;
using DocRag.Core.Answering;

namespace DocRag.Server.Endpoints.OpenAi;

/// <summary>
/// A chat completion in OpenAI's shape, plus <c>sources</c> (the passages the answer cites, as in <c>/v1/ask</c>) and
/// <c>docrag</c> (answer mode and no-answer); both are absent when retrieval was off.
/// </summary>
public sealed record ChatCompletionResponse(
    string Id,
    string Model,
    long Created,
    IReadOnlyList<ChatCompletionChoice> Choices,
    ChatCompletionUsage Usage,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<AnswerCitation>? Sources = null,
    [property: JsonPropertyName("docrag"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DocRagAnswerInfo? DocRag = null)
{
    [JsonPropertyName("object")]
    public string ObjectType => "chat.completion";
}
