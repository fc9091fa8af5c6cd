using DocRag.Server.Endpoints.OpenAi;

namespace DocRag.Server.Tests.Endpoints.OpenAi;

public sealed class OpenAiErrorsTests
{
    [Theory]
    [InlineData("encodingFormat", "encoding_format")]
    [InlineData("maxCompletionTokens", "max_completion_tokens")]
    [InlineData("streamOptions.includeUsage", "stream_options.include_usage")]
    [InlineData("messages[0].role", "messages[0].role")]
    [InlineData("docRag.topK", "docrag.topK")]
    [InlineData("input", "input")]
    public void WireName_AsTheRequestSpellsIt(string path, string expected) => Assert.Equal(expected, OpenAiErrors.WireName(path));

    [Theory]
    [InlineData(400, "invalid_request_error")]
    [InlineData(413, "invalid_request_error")]
    [InlineData(401, "authentication_error")]
    [InlineData(403, "permission_error")]
    [InlineData(404, "not_found_error")]
    [InlineData(429, "rate_limit_error")]
    [InlineData(500, "server_error")]
    [InlineData(503, "server_error")]
    public void TypeFor_OpenAisTypes(int status, string type) => Assert.Equal(type, OpenAiErrors.TypeFor(status));
}
