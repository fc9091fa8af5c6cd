using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DocRag.Server.Tests.Hostile;

/// <summary>
/// The hostile queries of <see cref="HostileRequests"/> that must succeed, against a server with an embedding model:
/// hybrid search runs them through the embedder's tokenizer too, and answers normally.
/// </summary>
public sealed class HostileQueriesHybridTests(HostileHybridServer server) : IClassFixture<HostileHybridServer>
{
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var (name, request) in HostileRequests.All)
        {
            if (request.Status == HttpStatusCode.OK)
            {
                data.Add(name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Send_HostileQuery_HybridResultAndServerKeepsServing(string name)
    {
        var request = HostileRequests.All[name];

        using (var message = request.ToMessage())
        using (var response = await server.Client.SendAsync(message))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
            if (request.Url == "/v1/search")
            {
                Assert.Equal("hybrid", json.RootElement.GetProperty("mode").GetString());
            }
        }

        using var followUp = await server.Client.PostAsJsonAsync("/v1/search", new { query = "emperor penguins" });
        using var result = JsonDocument.Parse(await followUp.Content.ReadAsStringAsync());
        Assert.Equal(("hybrid", HttpStatusCode.OK), (result.RootElement.GetProperty("mode").GetString(), followUp.StatusCode));
        Assert.NotEmpty(result.RootElement.GetProperty("hits").EnumerateArray());
    }
}
