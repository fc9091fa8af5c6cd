using System.Net;
using System.Net.Http.Json;
using DocRag.Server.Endpoints;
using DocRag.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DocRag.Server.Tests.Security;

public sealed class CollectionAccessTests
{
    [Fact]
    public async Task EnsureAllowed_ScopedKeyInScope_200()
    {
        await using var host = await StartAsync();

        using var response = await host.Client.SendAsync(Get("/v1/test/collections/hr", ServerHost.BobKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task EnsureAllowed_ScopedKeyOutOfScope_403CollectionForbidden()
    {
        await using var host = await StartAsync();

        using var response = await host.Client.SendAsync(Get("/v1/test/collections/finance", ServerHost.BobKey));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<Problem>())!;
        Assert.Equal("collection-forbidden", problem.Code);
        Assert.Equal("finance", problem.Extensions["collection"].GetString());
    }

    [Fact]
    public async Task EnsureAllowed_UnscopedKey_200ForAny()
    {
        await using var host = await StartAsync();

        using var response = await host.Client.SendAsync(Get("/v1/test/collections/finance", ServerHost.AliceKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ResolveSearchScope_NoCollectionAsked_ScopedKeyGetsItsOwn()
    {
        await using var host = await StartAsync();

        var bob = await (await host.Client.SendAsync(Get("/v1/test/scope", ServerHost.BobKey))).Content.ReadFromJsonAsync<string[]>();
        var alice = await (await host.Client.SendAsync(Get("/v1/test/scope", ServerHost.AliceKey))).Content.ReadFromJsonAsync<string[]>();

        Assert.Equal(["hr", "legal"], bob!);
        Assert.Equal(["(all)"], alice!);
    }

    [Fact]
    public async Task ResolveSearchScope_OutOfScopeAsked_403()
    {
        await using var host = await StartAsync();

        using var response = await host.Client.SendAsync(Get("/v1/test/scope?collection=finance", ServerHost.BobKey));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Filter_ScopedKey_KeepsOwnCollections()
    {
        await using var host = await StartAsync();

        var listed = await (await host.Client.SendAsync(Get("/v1/test/list", ServerHost.BobKey))).Content.ReadFromJsonAsync<string[]>();

        Assert.Equal(["hr", "legal"], listed!);
    }

    [Fact]
    public async Task GetScope_NoKeysConfigured_All()
    {
        await using var host = await ServerHost.StartAsync(map: Map);

        var listed = await host.Client.GetFromJsonAsync<string[]>(new Uri("/v1/test/list", UriKind.Relative));

        Assert.Equal(["finance", "hr", "legal"], listed!);
    }

    [Fact]
    public async Task DocRagProblems_CollectionForbidden_SameProblemAsException()
    {
        await using var host = await StartAsync();

        using var response = await host.Client.SendAsync(Get("/v1/test/typed/finance", ServerHost.BobKey));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("collection-forbidden", (await response.Content.ReadFromJsonAsync<Problem>())!.Code);
    }

    private static Task<ServerHost> StartAsync() => ServerHost.StartAsync(ServerHost.WithKeys("hr", "legal"), Map);

    private static HttpRequestMessage Get(string path, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", key);
        return request;
    }

    private static void Map(WebApplication app)
    {
        var v1 = app.MapV1Group();
        v1.MapGet("/test/collections/{name}", (HttpContext context, string name) =>
        {
            CollectionAccess.EnsureAllowed(context, name);
            return name;
        });
        v1.MapGet("/test/scope", (HttpContext context, string? collection) =>
            CollectionAccess.ResolveSearchScope(context, collection)?.Order(StringComparer.Ordinal).ToArray() ?? ["(all)"]);
        v1.MapGet("/test/list", (HttpContext context) =>
            CollectionAccess.Filter(context, ["finance", "hr", "legal"], c => c).ToArray());
        v1.MapGet("/test/typed/{name}", (HttpContext context, string name) =>
            CollectionAccess.IsAllowed(context, name) ? Results.Ok(name) : Server.Problems.DocRagProblems.CollectionForbidden(name));
    }
}
