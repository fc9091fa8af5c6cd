using System.Net;
using System.Text;
using DocRag.Server.Tests.Hostile;
using DocRag.Server.Tests.Problems;

namespace DocRag.Server.Tests.Boundaries;

/// <summary>Issue 16, cases 4 and 8: bad input is a 400 naming the field, on every route that takes it, never a 500.</summary>
public sealed class BadInputTests(HostileRequestServer server) : IClassFixture<HostileRequestServer>
{
    public static TheoryData<string, string> ChatBodies => new()
    {
        // Over AnswerRequest.MaxQuestionLength (4,096): /v1/ask answers 400 for the same question.
        { "long question", $$"""{"messages":[{"role":"user","content":"{{new string('q', 4097)}}"}]}""" },
        { "lone surrogate in content", """{"messages":[{"role":"user","content":"a\ud800b"}]}""" },
        { "lone surrogate in a text part", """{"messages":[{"role":"user","content":[{"type":"text","text":"a\udc00b"}]}]}""" },
        { "lone surrogate in stop", """{"messages":[{"role":"user","content":"penguins?"}],"stop":["a\ud800"]}""" },
    };

    [Theory]
    [MemberData(nameof(ChatBodies))]
    public async Task ChatCompletions_BadMessage_400NotA500(string name, string body)
    {
        using var response = await PostAsync("/v1/chat/completions", body);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        await ProblemExceptionHandlerTests.ReadProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
    }

    [Theory]
    [InlineData("7")]
    [InlineData("-1")]
    [InlineData("\"1\"")]
    [InlineData("\"Extractive2\"")]
    public async Task Ask_ModeNotOneOfItsNames_400(string mode)
    {
        using var response = await PostAsync("/v1/ask", $$"""{"question":"When do emperor penguins breed?","mode":{{mode}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Ask_ModeByName_200()
    {
        using var response = await PostAsync("/v1/ask", """{"question":"When do emperor penguins breed?","mode":"extractive"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Upload_CollectionFieldRepeated_400NotANewCollection()
    {
        using var form = ApiRequests.Upload("note.md", "# Note\n\nA note.", ("collection", "up"), ("collection", "beta"));

        using var response = await server.Client.SendAsync(HttpMethod.Post, "/v1/documents", content: form);

        var problem = await ProblemExceptionHandlerTests.ReadProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.Extensions["errors"].TryGetProperty("collection", out _));
        Assert.False(Directory.Exists(Path.Combine(server.Host.DataPath, "uploads", "up,beta")));
    }

    [Theory]
    [InlineData("%2e%2e")]
    [InlineData("a%2fb")]
    [InlineData("name with space")]
    [InlineData("ünï+plus")]
    public async Task Upload_NewCollectionNameOutsideTheDocumentedSet_400(string name)
    {
        using var form = ApiRequests.Upload("note.md", "# Note\n\nA note.", ("collection", name));

        using var response = await server.Client.SendAsync(HttpMethod.Post, "/v1/documents", content: form);

        var problem = await ProblemExceptionHandlerTests.ReadProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.Extensions["errors"].TryGetProperty("collection", out _));
    }

    private Task<HttpResponseMessage> PostAsync(string url, string json) =>
        server.Client.PostAsync(new Uri(url, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
}
