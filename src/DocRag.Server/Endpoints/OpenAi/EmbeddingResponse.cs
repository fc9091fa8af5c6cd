using System.Text.Json.Serialization;

namespace DocRag.Server.Endpoints.OpenAi;

/// <summary>The embeddings, in the order of the inputs, in OpenAI's <c>list</c> shape.</summary>
public sealed record EmbeddingResponse(IReadOnlyList<EmbeddingData> Data, string Model, EmbeddingUsage Usage)
{
    [JsonPropertyName("object")]
    public string ObjectType => "list";
}
