using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DocRag.Server.Endpoints.OpenAi;

/// <summary>
/// The body of <c>POST /v1/embeddings</c> as OpenAI defines it: <c>input</c> (a string or an array of strings),
/// <c>model</c> (informational: the loaded embedder answers), <c>encoding_format</c> (<c>float</c> or <c>base64</c>),
/// <c>dimensions</c> (must be the model's, when given); plus <c>input_type</c> (<c>query</c>, or <c>passage</c> /
/// <c>document</c>, the default) for models that embed queries and passages differently (e5).
/// </summary>
public sealed record EmbeddingRequest(
    [property: Required] JsonElement Input,
    string? Model = null,
    [property: JsonPropertyName("encoding_format"), AllowedValues("float", "base64", null)] string? EncodingFormat = null,
    [property: Range(1, 65_536)] int? Dimensions = null,
    [property: JsonPropertyName("input_type"), AllowedValues("query", "passage", "document", null)] string? InputType = null,
    string? User = null);
