using System.Net;
using System.Net.Http.Json;
using DocRag.Server.Endpoints;
using DocRag.Server.Tests.Problems;

namespace DocRag.Server.Tests.Hostile;

/// <summary>Upload names built to escape the collection folder or break name handling, over real HTTP.</summary>
public sealed class HostileUploadsTests
{
    private static readonly Dictionary<string, IReadOnlyDictionary<string, string>> Handbook = new()
    {
        ["handbook"] = new Dictionary<string, string> { ["intro.md"] = "# Intro\n\nWelcome to the handbook." },
    };

    [Fact]
    public async Task Upload_TraversalAndOddNames_StoredSanitisedInsideTheCollectionFolderOnly()
    {
        await using var host = await ApiHost.StartAsync(Handbook);
        var folder = host.Folders["handbook"];
        var names = new[] { "....//....//deep.md", "C:..\\..\\drive.md", "..%2F..%2Fencoded.md", "sub/./../../dots.md", "non\uFFFEchar.md", "\u202Eevil\u200B.md", "tab\tname.md" };

        using var response = await host.Client.SendAsync(
            HttpMethod.Post, "/v1/documents", content: ApiRequests.Upload(names.Select(n => (n, "# Note\n\nHostile name."u8.ToArray())), ("collection", "handbook")));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<UploadResponse>())!;
        Assert.Equal(["deep.md", "drive.md", "%2F..%2Fencoded.md", "dots.md", "nonchar.md", "evil.md", "tabname.md"], body.Files.Select(f => f.Path));
        Assert.All(Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories), p => Assert.Equal(folder, Path.GetDirectoryName(p)));
        Assert.Equal(names.Length + 1, Directory.GetFiles(folder).Length);
        foreach (var escaped in new[] { "deep.md", "drive.md", "encoded.md", "dots.md" })
        {
            Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(folder)!, escaped)), escaped);
        }

        await host.DocumentsWhenAsync(body.Location, l => l.Total == names.Length);
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../")]
    [InlineData(" . . ")]
    [InlineData("x.md.part")]
    public async Task Upload_NameWithNothingUsable_400AndNothingStored(string name)
    {
        await using var host = await ApiHost.StartAsync(Handbook);

        using var response = await host.Client.SendAsync(
            HttpMethod.Post, "/v1/documents", content: ApiRequests.Upload([(name, "# Note"u8.ToArray())], ("collection", "handbook")));

        var problem = await ProblemExceptionHandlerTests.ReadProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail));
        Assert.Equal(["intro.md"], Directory.GetFileSystemEntries(host.Folders["handbook"]).Select(Path.GetFileName));
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(new Uri("/v1/documents", UriKind.Relative))).StatusCode);
    }
}
