using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DocRag.TestSupport;

/// <summary>
/// A small OpenAI-compatible server (Kestrel on 127.0.0.1, random port) that speaks the wire protocol of
/// <c>/v1/chat/completions</c> (JSON and SSE chunks ending in <c>[DONE]</c>) and <c>/v1/embeddings</c> with scripted
/// replies, and records what it was sent: the peer DocRag's remote generator and embedder are tested against.
/// </summary>
public sealed partial class OpenAiTestServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<OpenAiTestRequest> _requests = new();
    private readonly WebApplication _app;

    private OpenAiTestServer(WebApplication app) => _app = app;

    /// <summary>The API's base URL with its version path, e.g. <c>http://127.0.0.1:41234/v1</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The reply's pieces (one SSE chunk each when streamed, joined otherwise).</summary>
    public IReadOnlyList<string> Reply { get; set; } = ["Hello", " there."];

    /// <summary>Usage reported with the reply.</summary>
    public (int Prompt, int Completion) Usage { get; set; } = (42, 3);

    /// <summary>Length of the vectors /embeddings returns (unless the request asks for <c>dimensions</c>).</summary>
    public int Dimensions { get; set; } = 8;

    /// <summary>When set, chat replies wait for it before answering (to keep a request in flight).</summary>
    public TaskCompletionSource? Hold { get; set; }

    /// <summary>When set, a streamed reply breaks after this many chunks with a chunk that is not JSON.</summary>
    public int? BreakAfterChunks { get; set; }

    /// <summary>When set, every request is answered with this status and an OpenAI error body.</summary>
    public int? FailWith { get; set; }

    /// <summary>Completes when a chat request has arrived (and is maybe held).</summary>
    public TaskCompletionSource ChatReceived { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a held chat request was abandoned by its client (the connection closed).</summary>
    public TaskCompletionSource ChatAborted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<OpenAiTestRequest> Requests => [.. _requests];

    public static async Task<OpenAiTestServer> StartAsync()
    {
        var app = LoopbackApp.Create();
        var server = new OpenAiTestServer(app);
        server.BaseUrl = new Uri(await LoopbackApp.StartAsync(app, server.HandleAsync), "v1");
        return server;
    }

    /// <summary>A fresh <see cref="ChatReceived"/> for the next request.</summary>
    public void ResetChatReceived() => ChatReceived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The vector the server returns for <paramref name="text"/> (deterministic, unit length).</summary>
    public static float[] VectorFor(string text, int dimensions)
    {
        var vector = new float[dimensions];
        var hash = 17u;
        foreach (var ch in text)
        {
            hash = (hash * 31) + ch;
        }

        for (var i = 0; i < dimensions; i++)
        {
            hash = (hash * 1_103_515_245) + 12_345;
            vector[i] = ((hash >> 8) % 2000 / 1000f) - 1f;
        }

        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return [.. vector.Select(v => v / norm)];
    }

    public async ValueTask DisposeAsync()
    {
        Hold?.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject ?? [];
        var path = context.Request.Path.Value ?? "/";
        _requests.Enqueue(new OpenAiTestRequest(path, context.Request.Headers.Authorization.ToString(), body));
        if (FailWith is { } status)
        {
            await WriteErrorAsync(context, status);
            return;
        }

        switch (path)
        {
            case "/v1/chat/completions":
                ChatReceived.TrySetResult();
                if (Hold is { } hold)
                {
                    try
                    {
                        await hold.Task.WaitAsync(context.RequestAborted);
                    }
                    catch (OperationCanceledException)
                    {
                        ChatAborted.TrySetResult();
                        return;
                    }
                }

                await (body["stream"]?.GetValue<bool>() == true ? WriteChunksAsync(context, body) : WriteCompletionAsync(context, body));
                break;
            case "/v1/embeddings":
                await WriteEmbeddingsAsync(context, body);
                break;
            default:
                await WriteErrorAsync(context, StatusCodes.Status404NotFound);
                break;
        }
    }
}
