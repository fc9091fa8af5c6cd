using System.Net;
using System.Net.Http.Json;
using System.Text;
using DocRag.Core.Hosting;
using DocRag.Server.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DocRag.Server.Tests.Problems;

public sealed class ProblemExceptionHandlerTests : IAsyncLifetime, IDisposable
{
    private readonly LogCapture _logs = new();
    private ServerHost _host = null!;

    public async Task InitializeAsync() => _host = await ServerHost.StartAsync(map: app =>
    {
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(_logs);
        Map(app);
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task InvalidJson_400WithPosition()
    {
        using var response = await PostJsonAsync("{\n  \"query\": \"x\",\n  \"topK\": ]\n}");

        var problem = await ReadProblemAsync(response, HttpStatusCode.BadRequest, "invalid-json");
        Assert.Equal(3, problem.Extensions["line"].GetInt32());
        Assert.Contains("line 3", problem.Detail, StringComparison.Ordinal);
        Assert.Equal("$.topK", problem.Extensions["path"].GetString());
    }

    [Fact]
    public async Task WrongFieldType_400NamesTheField()
    {
        using var response = await PostJsonAsync("{\"query\":\"x\",\"topK\":\"ten\"}");

        var problem = await ReadProblemAsync(response, HttpStatusCode.BadRequest, "invalid-json");
        Assert.Contains("$.topK", problem.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", problem.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("EchoRequest", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingRequiredField_400ListsIt()
    {
        using var response = await PostJsonAsync("{\"topK\":3}");

        var problem = await ReadProblemAsync(response, HttpStatusCode.BadRequest, "invalid-json");
        Assert.Contains("'query'", problem.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("EchoRequest", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyBody_400()
    {
        using var content = new StringContent("", Encoding.UTF8, "application/json");
        using var response = await _host.Client.PostAsync(new Uri("/v1/test/echo", UriKind.Relative), content);

        await ReadProblemAsync(response, HttpStatusCode.BadRequest, "bad-request");
    }

    [Fact]
    public async Task WrongContentType_415()
    {
        using var content = new StringContent("query=x", Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await _host.Client.PostAsync(new Uri("/v1/test/echo", UriKind.Relative), content);

        var problem = await ReadProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        Assert.Contains("application/json", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceBusy_429WithRetryAfter()
    {
        using var response = await _host.Client.GetAsync(new Uri("/v1/test/busy", UriKind.Relative));

        var problem = await ReadProblemAsync(response, HttpStatusCode.TooManyRequests, "service-busy");
        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter!.Delta);
        Assert.Equal("The answer queue is full (8 waiting).", problem.Detail);
    }

    [Fact]
    public async Task ServiceUnavailable_503()
    {
        using var response = await _host.Client.GetAsync(new Uri("/v1/test/unavailable", UriKind.Relative));

        var problem = await ReadProblemAsync(response, HttpStatusCode.ServiceUnavailable, "service-unavailable");
        Assert.Equal("No generator model is configured.", problem.Detail);
        Assert.Null(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task UnhandledException_500WithCorrelationIdAndNothingInternal_ServerKeepsServing()
    {
        using var response = await _host.Client.GetAsync(new Uri("/v1/test/crash", UriKind.Relative));

        var body = await response.Content.ReadAsStringAsync();
        var problem = await ReadProblemAsync(response, HttpStatusCode.InternalServerError, "internal-error");
        Assert.False(string.IsNullOrWhiteSpace(problem.CorrelationId));
        Assert.Contains(problem.CorrelationId, problem.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-path", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        var logged = Assert.Single(_logs.Entries, e => e.EventId.Id == 1000);
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.Contains(problem.CorrelationId, logged.Message, StringComparison.Ordinal);
        Assert.Contains("/v1/test/crash", logged.Message, StringComparison.Ordinal);
        Assert.Equal("boom at /secret-path/docrag.db", logged.Exception!.Message);
        Assert.Equal(HttpStatusCode.OK, (await _host.Client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
    }

    private Task<HttpResponseMessage> PostJsonAsync(string json) =>
        _host.Client.PostAsync(new Uri("/v1/test/echo", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    internal static async Task<Problem> ReadProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<Problem>())!;
        Assert.Equal(code, problem.Code);
        Assert.Equal("https://docrag.dev/problems/" + code, problem.Type);
        Assert.Equal((int)status, problem.Status);
        Assert.False(string.IsNullOrWhiteSpace(problem.Title));
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail));
        Assert.False(string.IsNullOrWhiteSpace(problem.CorrelationId));
        return problem;
    }

    private static void Map(WebApplication app)
    {
        var v1 = app.MapV1Group();
        v1.MapPost("/test/echo", (EchoRequest request) => request);
        v1.MapGet("/test/busy", string () => throw new ServiceBusyException("The answer queue is full (8 waiting).", TimeSpan.FromSeconds(2.2)));
        v1.MapGet("/test/unavailable", string () => throw new ServiceUnavailableException("No generator model is configured."));
        v1.MapGet("/test/crash", string () => throw new InvalidOperationException("boom at /secret-path/docrag.db"));
    }

    private sealed record EchoRequest
    {
        public required string Query { get; init; }

        public int TopK { get; init; }
    }
}
