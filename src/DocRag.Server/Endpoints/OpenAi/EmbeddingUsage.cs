using System.Text.Json.Serialization;

namespace DocRag.Server.Endpoints.OpenAi;

/// <summary>Tokens read, counted with the embedder's tokenizer.</summary>
public sealed record EmbeddingUsage([property: JsonPropertyName("prompt_tokens")] int PromptTokens)
{
    [JsonPropertyName("total_tokens")]
    public int TotalTokens => PromptTokens;
}
