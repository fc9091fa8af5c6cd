using System.Net;
using System.Net.Http.Headers;

namespace DocRag.Server.Tests.Problems;

public sealed class DocRagProblemDetailsWriterTests
{
    [Theory]
    [InlineData("/v1/no-such-resource")]
    [InlineData("/no-such-page")]
    public async Task UnknownRoute_404Problem(string path)
    {
        using var factory = new DocRagFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        await ProblemExceptionHandlerTests.ReadProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task WrongMethod_405ProblemWithAllow()
    {
        using var factory = new DocRagFactory();
        using var client = factory.CreateClient();

        using var response = await client.DeleteAsync(new Uri("/ready", UriKind.Relative));

        await ProblemExceptionHandlerTests.ReadProblemAsync(response, HttpStatusCode.MethodNotAllowed, "method-not-allowed");
        Assert.Contains("GET", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task BrowserAcceptingOnlyHtml_StillGetsProblemJson()
    {
        using var factory = new DocRagFactory();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/nothing");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        using var response = await client.SendAsync(request);

        await ProblemExceptionHandlerTests.ReadProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task UnknownV1Route_WithKeysAndNoKey_Still404()
    {
        using var factory = new DocRagFactory(ServerHost.WithKeys());
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/v1/no-such-resource", UriKind.Relative));

        await ProblemExceptionHandlerTests.ReadProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }
}
