using System.Text.Json;
using DocRag.Server.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DocRag.Server.Tests.OpenApi;

public sealed class BearerSecuritySchemeTransformerTests
{
    [Fact]
    public async Task Document_ServedWithoutKey_DeclaresBearerScheme()
    {
        using var factory = new DocRagFactory(ServerHost.WithKeys());
        using var client = factory.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var root = document.RootElement;
        Assert.StartsWith("3.", root.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("DocRag API", root.GetProperty("info").GetProperty("title").GetString());
        var schemes = root.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("http", schemes.GetProperty("Bearer").GetProperty("type").GetString());
        Assert.Equal("bearer", schemes.GetProperty("Bearer").GetProperty("scheme").GetString());
        Assert.Equal("X-Api-Key", schemes.GetProperty("ApiKeyHeader").GetProperty("name").GetString());
        var paths = root.GetProperty("paths");
        var names = paths.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["/health", "/metrics", "/ready"], names.Where(n => !n.StartsWith("/v1/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Contains("Bearer", SecuritySchemes(paths.GetProperty("/metrics").GetProperty("get")));
        Assert.False(paths.GetProperty("/health").GetProperty("get").TryGetProperty("security", out _));
    }

    [Fact]
    public async Task V1Endpoint_NeedsKeyAndDocumentsSharedProblems()
    {
        await using var host = await ServerHost.StartAsync(map: app => app.MapV1Group()
            .MapGet("/test/things/{id}", (int id) => id).WithName("GetThing").WithTags("Things"));

        using var document = JsonDocument.Parse(await host.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var operation = document.RootElement.GetProperty("paths").GetProperty("/v1/test/things/{id}").GetProperty("get");
        Assert.Equal("GetThing", operation.GetProperty("operationId").GetString());
        Assert.Equal(["ApiKeyHeader", "Bearer"], SecuritySchemes(operation).Order(StringComparer.Ordinal));
        var responses = operation.GetProperty("responses");
        foreach (var status in new[] { "200", "400", "401", "429", "500" })
        {
            Assert.True(responses.TryGetProperty(status, out _), $"missing response {status}");
        }

        Assert.True(responses.GetProperty("401").GetProperty("content").TryGetProperty("application/problem+json", out _));
    }

    private static List<string> SecuritySchemes(JsonElement operation) =>
        operation.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)).ToList();
}
