using System.Net;
using System.Net.Http.Json;
using DocRag.Core.Storage;
using DocRag.Server.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DocRag.Server.Tests.Problems;

/// <summary>A full disk and a read-only index or folder reach the client as 507 / 503 ProblemDetails, never as a 500.</summary>
public sealed class StorageFaultsTests : IAsyncLifetime
{
    private ServerHost _host = null!;

    public async Task InitializeAsync() => _host = await ServerHost.StartAsync(map: app =>
    {
        var v1 = app.MapV1Group();
        v1.MapGet("/test/index-full", string () => throw new IndexStorageFullException("disk full: the index /secret/docrag.db has no room left"));
        v1.MapGet("/test/enospc", string () => throw new IOException("No space left on device : '/secret/uploads/a.txt'", 28));
        v1.MapGet("/test/index-read-only", string () => throw new IndexReadOnlyException("the index /secret/docrag.db is read-only"));
        v1.MapGet("/test/erofs", string () => throw new IOException("Read-only file system : '/secret/uploads/a.txt'", 30));
        v1.MapGet("/test/other-io", string () => throw new IOException("Input/output error", 5));
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("index-full", 507, "insufficient-storage")]
    [InlineData("enospc", 507, "insufficient-storage")]
    [InlineData("index-read-only", 503, "index-read-only")]
    [InlineData("erofs", 503, "index-read-only")]
    [InlineData("other-io", 500, "internal-error")]
    public async Task StorageFault_MapsToItsProblemWithoutInternals(string route, int status, string code)
    {
        using var response = await _host.Client.GetAsync(new Uri($"/v1/test/{route}", UriKind.Relative));

        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<Dictionary<string, object>>())!;
        Assert.Equal(code, problem["code"].ToString());
        Assert.DoesNotContain("/secret", problem["detail"].ToString(), StringComparison.Ordinal); // paths stay in the log
    }
}
