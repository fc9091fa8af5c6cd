using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace DocRag.TestSupport;

/// <summary>The response bodies, in the shapes OpenAI's API documents.</summary>
public sealed partial class OpenAiTestServer
{
    private const string CompletionId = "chatcmpl-test";
    private const long Created = 1_700_000_000;

    private async Task WriteCompletionAsync(HttpContext context, JsonObject request)
    {
        var response = new JsonObject
        {
            ["id"] = CompletionId,
            ["object"] = "chat.completion",
            ["created"] = Created,
            ["model"] = request["model"]?.GetValue<string>(),
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = string.Concat(Reply) },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = UsageNode(),
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(response.ToJsonString());
    }

    private async Task WriteChunksAsync(HttpContext context, JsonObject request)
    {
        context.Response.ContentType = "text/event-stream";
        var model = request["model"]?.GetValue<string>();
        for (var i = 0; i < Reply.Count; i++)
        {
            if (i == BreakAfterChunks)
            {
                await context.Response.WriteAsync("data: {\"id\": broken\n\n");
                return;
            }

            var delta = new JsonObject { ["content"] = Reply[i] };
            if (i == 0)
            {
                delta["role"] = "assistant";
            }

            await WriteChunkAsync(context, Chunk(model, delta, i == Reply.Count - 1 ? "stop" : null));
        }

        if (request["stream_options"]?["include_usage"]?.GetValue<bool>() == true)
        {
            var usage = Chunk(model, null, null);
            usage["choices"] = new JsonArray();
            usage["usage"] = UsageNode();
            await WriteChunkAsync(context, usage);
        }

        await context.Response.WriteAsync("data: [DONE]\n\n");
    }

    private static JsonObject Chunk(string? model, JsonObject? delta, string? finish) => new()
    {
        ["id"] = CompletionId,
        ["object"] = "chat.completion.chunk",
        ["created"] = Created,
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta ?? [], ["finish_reason"] = finish }),
    };

    private static async Task WriteChunkAsync(HttpContext context, JsonObject chunk)
    {
        await context.Response.WriteAsync($"data: {chunk.ToJsonString()}\n\n");
        await context.Response.Body.FlushAsync();
    }

    private async Task WriteEmbeddingsAsync(HttpContext context, JsonObject request)
    {
        var inputs = request["input"] is JsonArray array ? array.Select(n => n!.GetValue<string>()).ToList() : [request["input"]!.GetValue<string>()];
        var dimensions = request["dimensions"]?.GetValue<int>() ?? Dimensions;
        var base64 = request["encoding_format"]?.GetValue<string>() == "base64";
        var data = new JsonArray();
        for (var i = 0; i < inputs.Count; i++)
        {
            var vector = VectorFor(inputs[i], dimensions);
            JsonNode embedding = base64
                ? Convert.ToBase64String(vector.SelectMany(BitConverter.GetBytes).ToArray())
                : new JsonArray([.. vector.Select(v => (JsonNode)v)]);
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
        }

        var response = new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = request["model"]?.GetValue<string>(),
            ["usage"] = new JsonObject { ["prompt_tokens"] = inputs.Count, ["total_tokens"] = inputs.Count },
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(response.ToJsonString());
    }

    private JsonObject UsageNode() => new()
    {
        ["prompt_tokens"] = Usage.Prompt,
        ["completion_tokens"] = Usage.Completion,
        ["total_tokens"] = Usage.Prompt + Usage.Completion,
    };

    private static async Task WriteErrorAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var error = new JsonObject
        {
            ["error"] = new JsonObject { ["message"] = $"scripted failure {status}", ["type"] = "server_error", ["code"] = "scripted" },
        };
        await context.Response.WriteAsync(error.ToJsonString());
    }
}
