using System.Collections.Concurrent;
using DocRag.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DocRag.Core.Tests.Models;

/// <summary>
/// A real NuGet v3 feed on 127.0.0.1: <c>/v3/index.json</c> names the flat container <c>/flat/</c>, which serves the
/// packages put in it at <c>/flat/{id}/{version}/{id}.{version}.nupkg</c> (lower case).
/// </summary>
internal sealed class NuGetTestServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, byte[]> _packages = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly WebApplication _app;

    private NuGetTestServer(WebApplication app) => _app = app;

    public Uri ServiceIndex { get; private set; } = null!;

    public IReadOnlyList<string> Requests => [.. _requests];

    public static async Task<NuGetTestServer> StartAsync()
    {
        var app = LoopbackApp.Create();
        var server = new NuGetTestServer(app);
        var root = await LoopbackApp.StartAsync(app, server.HandleAsync);
        server.ServiceIndex = new Uri(root, "v3/index.json");
        return server;
    }

    public void Serve(string id, string version, byte[] nupkg) =>
        _packages[$"/flat/{id.ToLowerInvariant()}/{version.ToLowerInvariant()}/{id.ToLowerInvariant()}.{version.ToLowerInvariant()}.nupkg"] = nupkg;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        _requests.Enqueue(path);
        if (path == "/v3/index.json")
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(
                $$"""{"version":"3.0.0","resources":[{"@id":"{{new Uri(ServiceIndex, "/flat/")}}","@type":"PackageBaseAddress/3.0.0"},{"@id":"x","@type":"SearchQueryService"}]}""");
            return;
        }

        if (!_packages.TryGetValue(path, out var content))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentLength = content.Length;
        await context.Response.Body.WriteAsync(content);
    }
}
