using System.Net;
using System.Net.Http.Json;

namespace DocRag.Server.Tests.Endpoints;

/// <summary>API keys and collection scopes on <c>POST /v1/search</c>.</summary>
public sealed class SearchEndpointsSecurityTests
{
    private static Dictionary<string, string?> Settings()
    {
        var settings = ServerHost.WithKeys("policies");
        settings["DocRag:Embedding:Model"] = "none";
        return settings;
    }

    [Fact]
    public async Task Search_ScopedKey_SeesOnlyItsCollections()
    {
        await using var server = await SearchServer.StartAsync(Settings());

        var bob = await SearchEndpointsTests.HitsAsync(server.Client, new { query = "server", topK = 50 }, ServerHost.BobKey);
        var alice = await SearchEndpointsTests.HitsAsync(server.Client, new { query = "server", topK = 50 }, ServerHost.AliceKey);

        Assert.Equal(["policies"], bob.Select(h => h.GetProperty("collection").GetString()).Distinct());
        Assert.Equal(["eng", "policies"], alice.Select(h => h.GetProperty("collection").GetString()).Distinct().Order());
    }

    [Fact]
    public async Task Search_ScopedKeyAsksForAnotherCollection_403CollectionForbidden()
    {
        await using var server = await SearchServer.StartAsync(Settings());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/search") { Content = JsonContent.Create(new { query = "server", collection = "eng" }) };
        request.Headers.Authorization = new("Bearer", ServerHost.BobKey);

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<Problem>())!;
        Assert.Equal("collection-forbidden", problem.Code);
        Assert.Equal("eng", problem.Extensions["collection"].GetString());
    }

    [Fact]
    public async Task Search_NoKey_401()
    {
        await using var server = await SearchServer.StartAsync(Settings());

        using var response = await server.Client.PostAsJsonAsync("/v1/search", new { query = "server" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("api-key-missing", (await response.Content.ReadFromJsonAsync<Problem>())!.Code);
    }
}
