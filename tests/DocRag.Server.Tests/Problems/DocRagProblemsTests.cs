using System.Net;
using System.Net.Http.Json;
using DocRag.Server.Endpoints;
using DocRag.Server.Hosting;
using DocRag.Server.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocRag.Server.Tests.Problems;

public sealed class DocRagProblemsTests : IAsyncLifetime
{
    private ServerHost _host = null!;

    public async Task InitializeAsync() => _host = await ServerHost.StartAsync(
        new Dictionary<string, string?> { ["DocRag:Server:MaxUploadBytes"] = "100", ["DocRag:Server:MaxRequestBodyBytes"] = "100" }, Map);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Validation_400WithErrorsByField()
    {
        using var response = await _host.Client.GetAsync(new Uri("/v1/test/validate?topK=0", UriKind.Relative));

        var problem = await ProblemExceptionHandlerTests.ReadProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        var errors = problem.Extensions["errors"];
        Assert.Equal("topK must be between 1 and 100.", errors.GetProperty("topK")[0].GetString());
        Assert.Equal("bad", errors.GetProperty("filters[0].pathPrefix")[0].GetString());
    }

    [Fact]
    public async Task DataAnnotations_400ValidationFailed()
    {
        using var response = await _host.Client.GetAsync(new Uri("/v1/test/annotated?topK=500", UriKind.Relative));

        var problem = await ProblemExceptionHandlerTests.ReadProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.Extensions["errors"].TryGetProperty("topK", out _));
    }

    [Fact]
    public async Task NotFound_WithDetail()
    {
        using var response = await _host.Client.GetAsync(new Uri("/v1/test/documents/42", UriKind.Relative));

        var problem = await ProblemExceptionHandlerTests.ReadProblemAsync(response, HttpStatusCode.NotFound, "not-found");
        Assert.Equal("No document with id 42.", problem.Detail);
    }

    [Fact]
    public async Task PlainTypedResults_GetDocRagTypes()
    {
        using var conflict = await _host.Client.GetAsync(new Uri("/v1/test/plain-conflict", UriKind.Relative));
        using var empty404 = await _host.Client.GetAsync(new Uri("/v1/test/plain-404", UriKind.Relative));

        var problem = await ProblemExceptionHandlerTests.ReadProblemAsync(conflict, HttpStatusCode.Conflict, "conflict");
        Assert.Equal("Already indexing.", problem.Detail);
        await ProblemExceptionHandlerTests.ReadProblemAsync(empty404, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task ExplicitRequestSizeLimit_WinsOverUploadLimit()
    {
        using var content = new ByteArrayContent(new byte[500]);
        content.Headers.ContentType = new("application/octet-stream");

        using var response = await _host.Client.PostAsync(new Uri("/v1/test/raw", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("500", await response.Content.ReadAsStringAsync());
    }

    private static void Map(WebApplication app)
    {
        var v1 = app.MapV1Group();
        v1.MapGet("/test/validate", Results<Ok<int>, ValidationProblem> (int topK) => topK is < 1 or > 100
            ? DocRagProblems.Validation(new Dictionary<string, string[]> { ["TopK"] = ["topK must be between 1 and 100."], ["Filters[0].PathPrefix"] = ["bad"] })
            : TypedResults.Ok(topK));
        v1.MapGet("/test/annotated", ([System.ComponentModel.DataAnnotations.Range(1, 100)] int topK) => topK);
        v1.MapGet("/test/documents/{id}", Results<Ok<int>, ProblemHttpResult> (int id) => DocRagProblems.NotFound($"No document with id {id}."));
        v1.MapGet("/test/plain-conflict", () => TypedResults.Problem("Already indexing.", statusCode: 409));
        v1.MapGet("/test/plain-404", () => TypedResults.NotFound());
        v1.MapPost("/test/raw", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            return buffer.Length;
        }).WithUploadLimit().WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(1000));
    }
}
