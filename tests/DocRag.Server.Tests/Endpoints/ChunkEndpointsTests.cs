using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DocRag.Core.Ingestion.Sync;
using DocRag.Core.Storage;
using DocRag.Server.Endpoints;
using DocRag.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace DocRag.Server.Tests.Endpoints;

public sealed class ChunkEndpointsTests : IDisposable
{
    private readonly TempDirectory _docs = new("docrag-chunks");

    [Fact]
    public async Task GetChunk_IndexedPassage_ReturnsTextPlaceAndDocument()
    {
        await using var server = await ServerHost.StartAsync(NoModels());
        var chunk = await IndexAsync(server, "manuals", "# Setup\n\nThe pump must be primed before first use.\n");

        var detail = await server.Client.GetFromJsonAsync<ChunkDetail>(new Uri($"/v1/chunks/{chunk.Id.Value}", UriKind.Relative));

        Assert.Equal(chunk.Id.Value, detail!.Id);
        Assert.Equal(chunk.DocumentId.Value, detail.DocumentId);
        Assert.Contains("primed before first use", detail.Text, StringComparison.Ordinal);
        Assert.Equal(["Setup"], detail.Heading);
        Assert.Equal(1, detail.PageStart);
        Assert.Equal("manuals", detail.Document.Collection);
        Assert.Equal("pump.md", detail.Document.Path);
        Assert.Equal("indexed", detail.Document.Status);
    }

    [Theory]
    [InlineData("999999")]
    [InlineData("0")]
    public async Task GetChunk_Unknown_IsNotFoundProblem(string id)
    {
        await using var server = await ServerHost.StartAsync(NoModels());

        using var response = await server.Client.GetAsync(new Uri($"/v1/chunks/{id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not-found", (await response.Content.ReadFromJsonAsync<Problem>())!.Code);
    }

    [Fact]
    public async Task GetChunk_OtherCollectionForScopedKey_IsNotFound()
    {
        var settings = ServerHost.WithKeys("hr");
        foreach (var (key, value) in NoModels())
        {
            settings[key] = value;
        }

        await using var server = await ServerHost.StartAsync(settings);
        var chunk = await IndexAsync(server, "manuals", "The pump must be primed before first use.\n");

        using var bob = Get(server, chunk, ServerHost.BobKey);
        using var alice = Get(server, chunk, ServerHost.AliceKey);

        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.SendAsync(bob)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.SendAsync(alice)).StatusCode);
    }

    public void Dispose() => _docs.Dispose();

    internal static Dictionary<string, string?> NoModels() => new()
    {
        ["DocRag:Embedding:Model"] = "none",
        ["DocRag:Generation:Model"] = "none",
    };

    private static HttpRequestMessage Get(ServerHost server, ChunkRecord chunk, string key) =>
        new(HttpMethod.Get, new Uri(server.Address, $"/v1/chunks/{chunk.Id.Value}")) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", key) } };

    private async Task<ChunkRecord> IndexAsync(ServerHost server, string collection, string markdown)
    {
        var folder = Directory.CreateDirectory(_docs.Combine(collection)).FullName;
        File.WriteAllText(Path.Combine(folder, "pump.md"), markdown);
        await server.Services.GetRequiredService<FolderSync>().SyncAsync(folder, collection);
        var store = server.Services.GetRequiredService<IndexStore>();
        var document = await store.GetDocumentByPathAsync(Path.Combine(folder, "pump.md"));
        return Assert.Single(await store.GetDocumentChunksAsync(document!.Id));
    }
}
