using System.Text.Json.Serialization;

namespace DocRag.Server.Endpoints.OpenAi;

/// <summary><c>stream_options</c>: with <c>include_usage</c>, a last chunk carries the token usage.</summary>
public sealed record ChatStreamOptions([property: JsonPropertyName("include_usage")] bool IncludeUsage = false);
