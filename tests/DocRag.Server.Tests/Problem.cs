using System.Text.Json;
using System.Text.Json.Serialization;

namespace DocRag.Server.Tests;

/// <summary>A ProblemDetails body as a client reads it.</summary>
internal sealed record Problem(
    string Type, string Title, int Status, string? Detail, string Code, string CorrelationId)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement> Extensions { get; init; } = [];
}
