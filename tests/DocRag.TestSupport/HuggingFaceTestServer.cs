using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DocRag.TestSupport;

/// <summary>
/// A real HTTP server (Kestrel on 127.0.0.1, random port) serving files at Hugging Face's
/// <c>/{repo}/resolve/{revision}/{path}</c> URLs, with byte ranges and switchable misbehaviour.
/// </summary>
public sealed class HuggingFaceTestServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (byte[] Content, ServeOptions Options)> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ServedRequest> _requests = new();
    private readonly WebApplication _app;

    private HuggingFaceTestServer(WebApplication app) => _app = app;

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every request answered so far, in order.</summary>
    public IReadOnlyList<ServedRequest> Requests => [.. _requests];

    public static async Task<HuggingFaceTestServer> StartAsync()
    {
        var app = LoopbackApp.Create();
        var server = new HuggingFaceTestServer(app);
        server.BaseUrl = await LoopbackApp.StartAsync(app, server.HandleAsync);
        return server;
    }

    /// <summary>A URL on 127.0.0.1 where nothing listens (a port just released).</summary>
    public static Uri ClosedPortUrl()
    {
        return new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");
    }

    /// <summary>Serves <paramref name="content"/> at <c>/{repository}/resolve/{revision}/{path}</c>.</summary>
    public void Serve(string repository, string revision, string path, byte[] content, ServeOptions? options = null) =>
        _files[$"/{repository}/resolve/{revision}/{path}"] = (content, options ?? new ServeOptions());

    /// <summary>The requests for one served file (its resolve URL and any redirect target).</summary>
    public IReadOnlyList<ServedRequest> RequestsFor(string path) =>
        [.. _requests.Where(r => r.Path.EndsWith("/" + path, StringComparison.Ordinal))];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var cdn = path.StartsWith("/cdn/", StringComparison.Ordinal);
        var key = cdn ? path["/cdn".Length..] : path;
        if (!_files.TryGetValue(key, out var file))
        {
            await Answer(context, path, StatusCodes.Status404NotFound);
            return;
        }

        var (content, options) = file;
        if (options.StatusCode is int status)
        {
            await Answer(context, path, status);
            return;
        }

        if (options.RedirectToCdn && !cdn)
        {
            context.Response.Headers.Location = "/cdn" + key;
            await Answer(context, path, StatusCodes.Status302Found);
            return;
        }

        await SendFileAsync(context, path, key, content, options);
    }

    private async Task SendFileAsync(HttpContext context, string path, string key, byte[] content, ServeOptions options)
    {
        var first = _hits.AddOrUpdate(key, 1, (_, n) => n + 1) == 1;
        long start = 0;
        var range = context.Request.Headers.Range.ToString();
        if (!options.IgnoreRange && range.StartsWith("bytes=", StringComparison.Ordinal) && range.EndsWith('-'))
        {
            start = long.Parse(range["bytes=".Length..^1], System.Globalization.CultureInfo.InvariantCulture);
            if (start >= content.Length)
            {
                context.Response.Headers.ContentRange = $"bytes */{content.Length}";
                await Answer(context, path, StatusCodes.Status416RangeNotSatisfiable);
                return;
            }

            context.Response.Headers.ContentRange = $"bytes {start}-{content.Length - 1}/{content.Length}";
        }

        var status = start > 0 ? StatusCodes.Status206PartialContent : StatusCodes.Status200OK;
        _requests.Enqueue(new ServedRequest(path, range.Length > 0 ? range : null, status));
        context.Response.StatusCode = status;
        context.Response.ContentLength = content.Length - start;
        var body = content.AsMemory((int)start);
        if (first && options.DropAfterBytesOnFirstRequest is long drop && drop < body.Length)
        {
            await context.Response.Body.WriteAsync(body[..(int)drop]);
            await context.Response.Body.FlushAsync();
            // Give the client time to read what was sent: an abort resets the connection, and a reset can discard
            // bytes the client has not read yet, which would make the test's resume offset a matter of luck.
            await Task.Delay(200);
            context.Abort();
            return;
        }

        await context.Response.Body.WriteAsync(body);
    }

    private Task Answer(HttpContext context, string path, int status)
    {
        var range = context.Request.Headers.Range.ToString();
        _requests.Enqueue(new ServedRequest(path, range.Length > 0 ? range : null, status));
        context.Response.StatusCode = status;
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }
}
