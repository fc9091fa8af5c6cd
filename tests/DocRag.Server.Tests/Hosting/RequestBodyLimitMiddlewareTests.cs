using System.Net;
using System.Text;
using DocRag.Server.Endpoints;
using DocRag.Server.Hosting;
using DocRag.Server.Tests.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DocRag.Server.Tests.Hosting;

public sealed class RequestBodyLimitMiddlewareTests : IAsyncLifetime
{
    private ServerHost _host = null!;

    public async Task InitializeAsync() => _host = await ServerHost.StartAsync(new Dictionary<string, string?>
    {
        ["DocRag:Server:MaxRequestBodyBytes"] = "1024",
        ["DocRag:Server:MaxUploadBytes"] = "65536",
    }, Map);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task JsonOverLimit_413()
    {
        using var content = new StringContent(Json(4000), Encoding.UTF8, "application/json");

        using var response = await _host.Client.PostAsync(new Uri("/v1/test/json", UriKind.Relative), content);

        var problem = await ProblemExceptionHandlerTests.ReadProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "request-too-large");
        Assert.Contains("1024 bytes", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChunkedJsonOverLimit_413()
    {
        using var content = new ChunkedContent(Encoding.UTF8.GetBytes(Json(4000)), "application/json");

        using var response = await _host.Client.PostAsync(new Uri("/v1/test/json", UriKind.Relative), content);

        await ProblemExceptionHandlerTests.ReadProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "request-too-large");
    }

    [Fact]
    public async Task JsonUnderLimit_200()
    {
        using var content = new StringContent(Json(100), Encoding.UTF8, "application/json");

        using var response = await _host.Client.PostAsync(new Uri("/v1/test/json", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task UploadEndpoint_TakesMoreThanJsonLimit()
    {
        using var form = Upload(20_000);

        using var response = await _host.Client.PostAsync(new Uri("/v1/test/upload", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("20000", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UploadOverUploadLimit_413_ServerKeepsServing()
    {
        using var form = Upload(100_000);

        using var response = await _host.Client.PostAsync(new Uri("/v1/test/upload", UriKind.Relative), form);

        await ProblemExceptionHandlerTests.ReadProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "request-too-large");
        Assert.Equal(HttpStatusCode.OK, (await _host.Client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task ChunkedUploadOverUploadLimit_413()
    {
        using var form = Upload(100_000);
        using var content = new ChunkedContent(await form.ReadAsByteArrayAsync(), form.Headers.ContentType!.ToString());

        using var response = await _host.Client.PostAsync(new Uri("/v1/test/upload", UriKind.Relative), content);

        await ProblemExceptionHandlerTests.ReadProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "request-too-large");
    }

    private static string Json(int length) => $"{{\"text\":\"{new string('a', length)}\"}}";

    private static MultipartFormDataContent Upload(int bytes)
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(new byte[bytes]), "file", "notes.txt");
        return form;
    }

    private static void Map(WebApplication app)
    {
        var v1 = app.MapV1Group();
        v1.MapPost("/test/json", (TextRequest request) => request.Text.Length);
        v1.MapPost("/test/upload", (IFormFile file) => file.Length).WithUploadLimit().DisableAntiforgery();
    }

    private sealed record TextRequest(string Text);

    /// <summary>Content sent with chunked transfer encoding (no Content-Length), so only the server's read limit applies.</summary>
    private sealed class ChunkedContent : HttpContent
    {
        private readonly byte[] _bytes;

        public ChunkedContent(byte[] bytes, string contentType)
        {
            _bytes = bytes;
            Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            for (var offset = 0; offset < _bytes.Length; offset += 1000)
            {
                await stream.WriteAsync(_bytes.AsMemory(offset, Math.Min(1000, _bytes.Length - offset)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
