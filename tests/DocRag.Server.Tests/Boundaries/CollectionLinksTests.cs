using System.Net;
using DocRag.Core.Ingestion.Parsers;
using DocRag.Core.Storage;
using DocRag.Core.Text;
using DocRag.Server.Endpoints;
using DocRag.Server.Tests.Problems;
using Microsoft.Extensions.DependencyInjection;

namespace DocRag.Server.Tests.Boundaries;

/// <summary>Issue 16, case 1: links do not carry a collection's key, or a DELETE, outside its folder.</summary>
public sealed class CollectionLinksTests
{
    [Fact]
    public async Task List_ScopedKey_LinksOutOfTheFolderListedFailedWithReasonNotTheirFiles()
    {
        await using var server = await BoundaryServer.StartAsync();

        var alpha = await server.Client.GetJsonAsync<DocumentList>("/v1/documents?limit=100", ServerHost.BobKey);

        Assert.Equal(["betalink", "linked.txt", "own.md"], alpha.Items.Select(d => d.Path));
        Assert.All(alpha.Items, d => Assert.Equal("alpha", d.Collection));
        foreach (var link in alpha.Items.Where(d => d.Path != "own.md"))
        {
            Assert.Equal(("failed", "outside folder"), (link.Status, link.Error));
            Assert.Contains("does not follow", link.Reason, StringComparison.Ordinal);
            Assert.DoesNotContain(server.Beta, link.Reason!, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Delete_RowReachedThroughALinkToAnotherCollection_409AndTheRealFileStays()
    {
        await using var server = await BoundaryServer.StartAsync();
        var store = server.Host.Services.GetRequiredService<IndexStore>();
        var throughLink = Path.Combine(server.Alpha, "betalink", "secret.md");
        // The row an index made before links were checked (or any row that resolves through a link): never a way out.
        await store.SaveDocumentAsync(new DocumentWrite(
            throughLink, "alpha", new FileFingerprint("ab", 10, 10), "md", "Secret", 0, TextLanguage.Other, null,
            new ParseFailure(ParseFailureKind.Damaged, "test row"), []));
        var id = (await store.GetDocumentByPathAsync(throughLink))!.Id.Value;

        using var response = await server.Client.SendAsync(HttpMethod.Delete, $"/v1/documents/{id}", ServerHost.BobKey);

        var problem = await ProblemExceptionHandlerTests.ReadProblemAsync(response, HttpStatusCode.Conflict, "conflict");
        Assert.Contains("outside the collection's folder", problem.Detail, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(server.Beta, "secret.md")), "beta's file must not be deleted through alpha's link");
    }

    [Fact]
    public async Task Upload_SameNameAsALinkOutOfTheFolder_NeverComparedWithItsTarget()
    {
        await using var server = await BoundaryServer.StartAsync();
        var outside = await File.ReadAllTextAsync(Path.Combine(server.Elsewhere, "outside.txt"));

        // Same content as the file the link points to: "unchanged" would tell the key what a file outside holds.
        using var guess = await server.Client.SendAsync(HttpMethod.Post, "/v1/documents", ServerHost.BobKey, ApiRequests.Upload("linked.txt", outside, ("collection", "alpha")));
        using var replace = await server.Client.SendAsync(
            HttpMethod.Post, "/v1/documents", ServerHost.BobKey, ApiRequests.Upload("linked.txt", "Alpha's own text now.", ("collection", "alpha"), ("onConflict", "replace")));

        await ProblemExceptionHandlerTests.ReadProblemAsync(guess, HttpStatusCode.Conflict, "conflict");
        Assert.Equal(HttpStatusCode.Accepted, replace.StatusCode);
        Assert.Null(new FileInfo(Path.Combine(server.Alpha, "linked.txt")).LinkTarget); // the link was replaced by the file
        Assert.Equal("Alpha's own text now.", await File.ReadAllTextAsync(Path.Combine(server.Alpha, "linked.txt")));
        Assert.Equal(outside, await File.ReadAllTextAsync(Path.Combine(server.Elsewhere, "outside.txt")));
    }

    [Fact]
    public async Task Delete_OwnFileAndRefusedFileLink_DeletesOnlyInsideTheFolder()
    {
        await using var server = await BoundaryServer.StartAsync();
        var alpha = await server.Client.GetJsonAsync<DocumentList>("/v1/documents?collection=alpha&limit=100", ServerHost.BobKey);

        foreach (var document in alpha.Items.Where(d => d.Path is "own.md" or "linked.txt"))
        {
            using var response = await server.Client.SendAsync(HttpMethod.Delete, $"/v1/documents/{document.Id}", ServerHost.BobKey);
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        Assert.False(File.Exists(Path.Combine(server.Alpha, "own.md")));
        Assert.False(File.Exists(Path.Combine(server.Alpha, "linked.txt")), "the link itself, inside alpha, is removed");
        Assert.True(File.Exists(Path.Combine(server.Elsewhere, "outside.txt")), "the file it pointed to stays");
    }
}
