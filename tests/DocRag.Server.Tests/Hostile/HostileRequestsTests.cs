using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocRag.Server.Tests.Problems;

namespace DocRag.Server.Tests.Hostile;

/// <summary>
/// Every request of <see cref="HostileRequests"/> against the real server: the documented ProblemDetails or a normal
/// result, never a 500, and a plain search right after it still finds the penguins.
/// </summary>
public sealed class HostileRequestsTests(HostileRequestServer server) : IClassFixture<HostileRequestServer>
{
    [Theory]
    [MemberData(nameof(HostileRequests.Names), MemberType = typeof(HostileRequests))]
    public async Task Send_HostileRequest_DocumentedAnswerAndServerKeepsServing(string name)
    {
        var request = HostileRequests.All[name];

        using (var message = request.ToMessage())
        using (var response = await server.Client.SendAsync(message))
        {
            if (request.Code is not null)
            {
                await ProblemExceptionHandlerTests.ReadProblemAsync(response, request.Status, request.Code);
            }
            else
            {
                Assert.Equal(request.Status, response.StatusCode);
                Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
                using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
                Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
            }
        }

        await AssertStillServingAsync();
    }

    private async Task AssertStillServingAsync()
    {
        using var response = await server.Client.PostAsJsonAsync("/v1/search", new { query = "emperor penguins" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.EndsWith("penguins.txt", json.RootElement.GetProperty("hits")[0].GetProperty("path").GetString(), StringComparison.Ordinal);
    }
}
