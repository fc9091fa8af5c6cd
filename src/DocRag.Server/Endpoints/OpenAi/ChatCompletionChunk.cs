using System.Text.Json.Serialization;
using DocRag.Core.Answering;

namespace DocRag.Server.Endpoints.OpenAi;

/// <summary>One streamed chunk (<c>chat.completion.chunk</c>); the last carries <c>finish_reason</c>, <c>sources</c> and <c>docrag</c>.</summary>
public sealed record ChatCompletionChunk(
    string Id,
    string Model,
    long Created,
    IReadOnlyList<ChatCompletionChunkChoice> Choices,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ChatCompletionUsage? Usage = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<AnswerCitation>? Sources = null,
    [property: JsonPropertyName("docrag"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DocRagAnswerInfo? DocRag = null)
{
    [JsonPropertyName("object")]
    public string ObjectType => "chat.completion.chunk";
}
