using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace DocRag.Server.Endpoints.OpenAi;

/// <summary>One message of a chat request: <c>role</c> and <c>content</c> (a string, or an array of <c>{type: "text", text}</c> parts).</summary>
public sealed record ChatCompletionMessage(
    [property: Required, AllowedValues("system", "developer", "user", "assistant")] string Role,
    JsonElement? Content = null);
