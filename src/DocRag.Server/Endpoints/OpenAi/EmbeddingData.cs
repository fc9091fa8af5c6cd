using System.Text.Json.Serialization;

namespace DocRag.Server.Endpoints.OpenAi;

/// <summary>One embedding: its input's index and the vector (an array of floats, or base64 of little-endian float32).</summary>
public sealed record EmbeddingData(int Index, object Embedding)
{
    [JsonPropertyName("object")]
    public string ObjectType => "embedding";
}
