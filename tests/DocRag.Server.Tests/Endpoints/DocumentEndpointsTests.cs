using System.Net;
using DocRag.Server.Endpoints;
using DocRag.Server.Tests.Problems;
using DocRag.TestSupport;

namespace DocRag.Server.Tests.Endpoints;

public sealed class DocumentEndpointsTests
{
    private static readonly Dictionary<string, IReadOnlyDictionary<string, string>> Handbook = new()
    {
        ["handbook"] = new Dictionary<string, string>
        {
            ["a.md"] = "# Holidays\n\nEvery employee has twenty-five days of paid holiday a year.",
            ["c.md"] = "# Expenses\n\nTravel expenses are refunded within thirty days.\n\n## Hotels\n\nBook hotels through the portal.",
            ["sub/b.txt"] = "Laptops are replaced every four years.",
            ["empty.txt"] = "",
        },
    };

    [Fact]
    public async Task List_DefaultPage_EveryDocumentWithRelativePathStatusAndTotal()
    {
        await using var host = await ApiHost.StartAsync(Handbook);

        var list = await host.Client.GetJsonAsync<DocumentList>("/v1/documents");

        Assert.Equal(4, list.Total);
        Assert.Equal(["a.md", "c.md", "empty.txt", "sub/b.txt"], list.Items.Select(d => d.Path));
        Assert.All(list.Items, d => Assert.Equal("handbook", d.Collection));
        var a = list.Items[0];
        Assert.Equal(("indexed", "md", "Holidays", "en"), (a.Status, a.Type, a.Title, a.Language));
        Assert.True(a.ChunkCount > 0);
        Assert.Equal(new FileInfo(Path.Combine(host.Folders["handbook"], "a.md")).Length, a.Size);
        Assert.Equal(64, a.Sha256.Length);
        Assert.DoesNotContain(list.Items, d => d.Path.Contains(host.Folders["handbook"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_OffsetAndLimit_Pages()
    {
        await using var host = await ApiHost.StartAsync(Handbook);

        var first = await host.Client.GetJsonAsync<DocumentList>("/v1/documents?offset=0&limit=3");
        var second = await host.Client.GetJsonAsync<DocumentList>("/v1/documents?offset=3&limit=3");

        Assert.Equal((3, 4, 0, 3), (first.Items.Count, first.Total, first.Offset, first.Limit));
        Assert.Equal(["sub/b.txt"], second.Items.Select(d => d.Path));
        Assert.Equal(4, second.Total);
    }

    [Fact]
    public async Task List_StatusFilter_FailedDocumentsWithTheirReason()
    {
        await using var host = await ApiHost.StartAsync(Handbook);

        var failed = await host.Client.GetJsonAsync<DocumentList>("/v1/documents?status=failed");
        var indexed = await host.Client.GetJsonAsync<DocumentList>("/v1/documents?status=indexed&collection=handbook");

        var empty = Assert.Single(failed.Items);
        Assert.Equal(("empty.txt", "failed", "empty"), (empty.Path, empty.Status, empty.Error));
        Assert.False(string.IsNullOrEmpty(empty.Reason));
        Assert.Equal(3, indexed.Total);
    }

    [Theory]
    [InlineData("/v1/documents?status=pending", "status")]
    [InlineData("/v1/documents?limit=0", "limit")]
    [InlineData("/v1/documents?limit=5000", "limit")]
    [InlineData("/v1/documents?offset=-1", "offset")]
    [InlineData("/v1/documents?path=a.md", "path")]
    public async Task List_InvalidParameter_400ValidationFailedNamingIt(string url, string field)
    {
        await using var host = await ServerHost.StartAsync();

        using var response = await host.Client.GetAsync(new Uri(url, UriKind.Relative));

        var problem = await ProblemExceptionHandlerTests.ReadProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.Extensions["errors"].TryGetProperty(field, out _), $"errors should name '{field}'");
    }

    [Fact]
    public async Task List_Paths_ExactlyThoseDocumentsOfTheCollection()
    {
        await using var host = await ApiHost.StartAsync(Handbook);

        var found = await host.Client.GetJsonAsync<DocumentList>("/v1/documents?collection=handbook&path=sub/b.txt&path=missing.md&path=../a.md");

        Assert.Equal(["sub/b.txt"], found.Items.Select(d => d.Path));
        Assert.Equal(1, found.Total);
    }

    [Fact]
    public async Task Get_WithChunks_DocumentAndItsChunksInOrder()
    {
        await using var host = await ApiHost.StartAsync(Handbook);
        var c = (await host.Client.GetJsonAsync<DocumentList>("/v1/documents?collection=handbook&path=c.md")).Items.Single();

        var plain = await host.Client.GetJsonAsync<DocumentDetail>($"/v1/documents/{c.Id}");
        var detail = await host.Client.GetJsonAsync<DocumentDetail>($"/v1/documents/{c.Id}?chunks=true");

        Assert.Null(plain.Chunks);
        Assert.Equal(c, plain.Document);
        Assert.Equal(c.ChunkCount, detail.Chunks!.Count);
        Assert.Equal(Enumerable.Range(0, c.ChunkCount), detail.Chunks.Select(x => x.Ordinal));
        Assert.Contains(detail.Chunks, x => x.Text.Contains("portal", StringComparison.Ordinal) && x.Heading.Contains("Hotels"));
        Assert.All(detail.Chunks, x => Assert.Equal(1, x.PageStart));
    }

    [Theory]
    [InlineData("/v1/documents/999999")]
    [InlineData("/v1/documents/0")]
    [InlineData("/v1/documents/not-a-number")]
    public async Task Get_Absent_404NotFound(string url)
    {
        await using var host = await ServerHost.StartAsync();

        using var response = await host.Client.GetAsync(new Uri(url, UriKind.Relative));

        await ProblemExceptionHandlerTests.ReadProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Delete_RemovesTheDocumentAndItsFile_AndTheNextSyncDoesNotBringItBack()
    {
        await using var host = await ApiHost.StartAsync(Handbook);
        var a = (await host.Client.GetJsonAsync<DocumentList>("/v1/documents?collection=handbook&path=a.md")).Items.Single();

        using var deleted = await host.Client.SendAsync(HttpMethod.Delete, $"/v1/documents/{a.Id}");
        using var again = await host.Client.SendAsync(HttpMethod.Delete, $"/v1/documents/{a.Id}");
        using var sync = await host.Client.SendAsync(HttpMethod.Post, "/v1/index/sync");
        await Polling.UntilAsync(() => host.Client.GetJsonAsync<IndexStatusResponse>("/v1/index/status"), s => s.State == "idle", "the sync");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ProblemExceptionHandlerTests.ReadProblemAsync(again, HttpStatusCode.NotFound, "not-found");
        Assert.False(File.Exists(Path.Combine(host.Folders["handbook"], "a.md")));
        Assert.True(File.Exists(Path.Combine(host.Folders["handbook"], "c.md")));
        var list = await host.Client.GetJsonAsync<DocumentList>("/v1/documents");
        Assert.Equal(3, list.Total);
        Assert.DoesNotContain(list.Items, d => d.Path == "a.md");
    }

    [Fact]
    public async Task ScopedKey_SeesOnlyItsCollections_OthersAre403ByNameAnd404ById()
    {
        var collections = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["hr"] = new Dictionary<string, string> { ["leave.md"] = "# Leave\n\nParental leave is sixteen weeks." },
            ["finance"] = new Dictionary<string, string> { ["budget.md"] = "# Budget\n\nThe travel budget is fixed." },
        };
        await using var host = await ApiHost.StartAsync(collections, ServerHost.WithKeys("hr"), ServerHost.AliceKey);
        var budget = (await host.Client.GetJsonAsync<DocumentList>("/v1/documents?collection=finance", ServerHost.AliceKey)).Items.Single();

        var bobs = await host.Client.GetJsonAsync<DocumentList>("/v1/documents", ServerHost.BobKey);
        using var byName = await host.Client.SendAsync(HttpMethod.Get, "/v1/documents?collection=finance", ServerHost.BobKey);
        using var byId = await host.Client.SendAsync(HttpMethod.Get, $"/v1/documents/{budget.Id}", ServerHost.BobKey);
        using var delete = await host.Client.SendAsync(HttpMethod.Delete, $"/v1/documents/{budget.Id}", ServerHost.BobKey);
        using var anonymous = await host.Client.SendAsync(HttpMethod.Get, "/v1/documents");

        Assert.Equal(["hr"], bobs.Items.Select(d => d.Collection).Distinct());
        Assert.Equal(1, bobs.Total);
        await ProblemExceptionHandlerTests.ReadProblemAsync(byName, HttpStatusCode.Forbidden, "collection-forbidden");
        await ProblemExceptionHandlerTests.ReadProblemAsync(byId, HttpStatusCode.NotFound, "not-found");
        await ProblemExceptionHandlerTests.ReadProblemAsync(delete, HttpStatusCode.NotFound, "not-found");
        Assert.True(File.Exists(Path.Combine(host.Folders["finance"], "budget.md")));
        await ProblemExceptionHandlerTests.ReadProblemAsync(anonymous, HttpStatusCode.Unauthorized, "api-key-missing");
        Assert.Equal(2, (await host.Client.GetJsonAsync<DocumentList>("/v1/documents", ServerHost.AliceKey)).Total);
    }
}
