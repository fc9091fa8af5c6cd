using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocRag.Server.Endpoints;
using DocRag.Server.Tests.Problems;

namespace DocRag.Server.Tests.Endpoints;

public sealed class DocumentEndpointsUploadTests
{
    private static readonly Dictionary<string, IReadOnlyDictionary<string, string>> Handbook = new()
    {
        ["handbook"] = new Dictionary<string, string> { ["intro.md"] = "# Intro\n\nWelcome to the handbook." },
    };

    [Fact]
    public async Task Upload_OneFileWithoutCollection_202IntoTheDefaultCollectionThenIndexed()
    {
        await using var host = await ApiHost.StartAsync(Handbook);

        using var response = await host.Client.SendAsync(HttpMethod.Post, "/v1/documents", content: ApiRequests.Upload("travel.md", "# Travel\n\nTrains are preferred over planes."));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<UploadResponse>())!;
        var file = Assert.Single(body.Files);
        Assert.Equal(("handbook", "travel.md", "created"), (body.Collection, file.Path, file.Outcome));
        Assert.Equal(body.Location, response.Headers.Location!.OriginalString);
        Assert.Equal("# Travel\n\nTrains are preferred over planes.", File.ReadAllText(Path.Combine(host.Folders["handbook"], "travel.md")));
        var indexed = await host.DocumentsWhenAsync(file.Location, l => l.Items.Any(d => d.Sha256 == file.Sha256));
        Assert.Equal(("travel.md", "indexed", "Travel"), (indexed.Items[0].Path, indexed.Items[0].Status, indexed.Items[0].Title));
    }

    [Fact]
    public async Task Upload_SeveralFiles_AllStoredAndIndexed()
    {
        await using var host = await ApiHost.StartAsync(Handbook);
        var files = new (string, byte[])[]
        {
            ("uno.md", "# Uno\n\nPrimer documento en español."u8.ToArray()),
            ("two.txt", "Second document."u8.ToArray()),
            ("three.html", "<html><head><title>Three</title></head><body><p>Third.</p></body></html>"u8.ToArray()),
        };

        using var response = await host.Client.SendAsync(HttpMethod.Post, "/v1/documents", content: ApiRequests.Upload(files, ("collection", "handbook")));

        var body = (await response.Content.ReadFromJsonAsync<UploadResponse>())!;
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(["uno.md", "two.txt", "three.html"], body.Files.Select(f => f.Path));
        var indexed = await host.DocumentsWhenAsync(body.Location, l => l.Total == 3);
        Assert.All(indexed.Items, d => Assert.Equal("indexed", d.Status));
        Assert.Equal("es", indexed.Items.Single(d => d.Path == "uno.md").Language);
    }

    [Theory]
    [InlineData("tool.exe", "MZ\u0090\u0000 binary")]
    [InlineData("archive.zip", "PK")]
    [InlineData("noextension", "text")]
    [InlineData("fake.pdf", "this is not a PDF")]
    [InlineData("fake.docx", "plain text, not a package")]
    public async Task Upload_UnsupportedTypeOrContent_415AndNothingStored(string fileName, string content)
    {
        await using var host = await ApiHost.StartAsync(Handbook);
        var files = new (string, byte[])[] { ("fine.md", "# Fine"u8.ToArray()), (fileName, Encoding.UTF8.GetBytes(content)) };

        using var response = await host.Client.SendAsync(HttpMethod.Post, "/v1/documents", content: ApiRequests.Upload(files));

        var problem = await ProblemExceptionHandlerTests.ReadProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        Assert.Equal(fileName, problem.Extensions["file"].GetString());
        Assert.Equal(["intro.md"], Directory.GetFileSystemEntries(host.Folders["handbook"]).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Upload_BinaryRenamedToText_415()
    {
        await using var host = await ApiHost.StartAsync(Handbook);
        var elf = new byte[] { 0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0 };

        using var response = await host.Client.SendAsync(HttpMethod.Post, "/v1/documents", content: ApiRequests.Upload([("notes.md", elf)]));

        await ProblemExceptionHandlerTests.ReadProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        Assert.False(File.Exists(Path.Combine(host.Folders["handbook"], "notes.md")));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Upload_OverMaxUploadBytes_413AndNothingStored(bool knownLength)
    {
        await using var host = await ApiHost.StartAsync(Handbook, new Dictionary<string, string?> { ["DocRag:Server:MaxUploadBytes"] = "4096" });
        var big = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("All work and no play. ", 2000)));
        var content = ApiRequests.Upload([("big.txt", big)]);
        HttpContent body = knownLength ? content : new ChunkedContent(await content.ReadAsByteArrayAsync());
        body.Headers.ContentType = content.Headers.ContentType;

        using var response = await host.Client.SendAsync(HttpMethod.Post, "/v1/documents", content: body);

        await ProblemExceptionHandlerTests.ReadProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "request-too-large");
        Assert.Equal(["intro.md"], Directory.GetFileSystemEntries(host.Folders["handbook"]).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Upload_NamesWithPathsAndOddCharacters_SanitisedAndConfinedToTheCollectionFolder()
    {
        await using var host = await ApiHost.StartAsync(Handbook);
        var folder = host.Folders["handbook"];
        var files = new (string, byte[])[]
        {
            ("../../escape.md", "# One"u8.ToArray()),
            ("/etc/absolute.md", "# Two"u8.ToArray()),
            ("..\\..\\windows.md", "# Three"u8.ToArray()),
            (".hidden.md", "# Four"u8.ToArray()),
            ("año\u202E\u0007.md", "# Five"u8.ToArray()),
        };

        using var response = await host.Client.SendAsync(HttpMethod.Post, "/v1/documents", content: ApiRequests.Upload(files));

        var body = (await response.Content.ReadFromJsonAsync<UploadResponse>())!;
        Assert.Equal(["escape.md", "absolute.md", "windows.md", "hidden.md", "año.md"], body.Files.Select(f => f.Path));
        Assert.Equal(["../../escape.md", "/etc/absolute.md"], body.Files.Take(2).Select(f => f.OriginalName));
        Assert.Equal(
            ["absolute.md", "año.md", "escape.md", "hidden.md", "intro.md", "windows.md"],
            Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(folder)!, "escape.md")));
        await host.DocumentsWhenAsync(body.Location, l => l.Total == 5);
    }

    [Fact]
    public async Task Upload_SameNameDifferentContent_409UnlessRenameOrReplaceIsAsked()
    {
        await using var host = await ApiHost.StartAsync(Handbook);
        var intro = Path.Combine(host.Folders["handbook"], "intro.md");

        using var conflict = await host.Client.SendAsync(HttpMethod.Post, "/v1/documents", content: ApiRequests.Upload("intro.md", "# Other intro"));
        var problem = await ProblemExceptionHandlerTests.ReadProblemAsync(conflict, HttpStatusCode.Conflict, "conflict");
        Assert.Equal("intro.md", problem.Extensions["conflicts"][0].GetString());
        Assert.Equal("# Intro\n\nWelcome to the handbook.", File.ReadAllText(intro));

        using var renamed = await host.Client.SendAsync(HttpMethod.Post, "/v1/documents", content: ApiRequests.Upload("intro.md", "# Other intro", ("onConflict", "rename")));
        var renamedFile = (await renamed.Content.ReadFromJsonAsync<UploadResponse>())!.Files.Single();
        Assert.Equal(("intro (2).md", "renamed"), (renamedFile.Path, renamedFile.Outcome));

        using var replaced = await host.Client.SendAsync(HttpMethod.Post, "/v1/documents", content: ApiRequests.Upload("intro.md", "# Replaced intro", ("onConflict", "replace")));
        var replacedFile = (await replaced.Content.ReadFromJsonAsync<UploadResponse>())!.Files.Single();
        Assert.Equal("replaced", replacedFile.Outcome);
        Assert.Equal("# Replaced intro", File.ReadAllText(intro));
        var indexed = await host.DocumentsWhenAsync(replacedFile.Location, l => l.Items.Any(d => d.Sha256 == replacedFile.Sha256));
        Assert.Equal("Replaced intro", indexed.Items[0].Title);
    }

    [Fact]
    public async Task Upload_SameFileTwice_SecondIsUnchangedWithTheDocumentId()
    {
        await using var host = await ApiHost.StartAsync(Handbook);
        using var first = await host.Client.SendAsync(HttpMethod.Post, "/v1/documents", content: ApiRequests.Upload("faq.md", "# FAQ"));
        var stored = (await first.Content.ReadFromJsonAsync<UploadResponse>())!.Files.Single();
        var indexed = await host.DocumentsWhenAsync(stored.Location, l => l.Total == 1);

        using var second = await host.Client.SendAsync(HttpMethod.Post, "/v1/documents", content: ApiRequests.Upload("faq.md", "# FAQ"));

        var again = (await second.Content.ReadFromJsonAsync<UploadResponse>())!.Files.Single();
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(("unchanged", indexed.Items[0].Id), (again.Outcome, again.DocumentId));
        Assert.Single(Directory.GetFiles(host.Folders["handbook"], "faq*"));
    }

    [Fact]
    public async Task Upload_NewCollection_MakesAWatchedUploadFolderUnderTheDataFolder()
    {
        await using var host = await ApiHost.StartAsync(Handbook, new Dictionary<string, string?> { ["DocRag:Ingestion:WatchDebounceMilliseconds"] = "100" });

        using var response = await host.Client.SendAsync(HttpMethod.Post, "/v1/documents", content: ApiRequests.Upload("plan.md", "# Plan", ("collection", "team")));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var folder = Path.Combine(host.Server.DataPath, "uploads", "team");
        Assert.True(File.Exists(Path.Combine(folder, "plan.md")));
        await host.DocumentsWhenAsync("/v1/documents?collection=team", l => l.Total == 1);
        var team = (await host.Client.GetJsonAsync<CollectionList>("/v1/collections")).Items.Single(c => c.Name == "team");
        Assert.Equal(("uploads", true, folder), (team.Source, team.Watched, team.Folder));

        File.WriteAllText(Path.Combine(folder, "dropped.md"), "# Dropped in by hand");
        await host.DocumentsWhenAsync("/v1/documents?collection=team", l => l.Total == 2);
    }

    [Fact]
    public async Task Upload_NoCollectionAndNoDefault_400NamingCollection()
    {
        await using var host = await ServerHost.StartAsync();

        using var response = await host.Client.SendAsync(HttpMethod.Post, "/v1/documents", content: ApiRequests.Upload("a.md", "# A"));

        var problem = await ProblemExceptionHandlerTests.ReadProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.Extensions["errors"].TryGetProperty("collection", out _));
    }

    [Theory]
    [InlineData("collection", "../outside")]
    [InlineData("collection", ".hidden")]
    [InlineData("onConflict", "overwrite")]
    public async Task Upload_BadField_400NamingIt(string field, string value)
    {
        await using var host = await ServerHost.StartAsync();

        using var response = await host.Client.SendAsync(HttpMethod.Post, "/v1/documents", content: ApiRequests.Upload("a.md", "# A", (field, value)));

        var problem = await ProblemExceptionHandlerTests.ReadProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.Extensions["errors"].TryGetProperty(field, out _));
        Assert.False(Directory.Exists(Path.Combine(host.DataPath, "outside")));
        Assert.False(Directory.Exists(Path.Combine(host.DataPath, "uploads", "outside")));
    }

    [Fact]
    public async Task Upload_NoFiles_400AndNotMultipart_415()
    {
        await using var host = await ApiHost.StartAsync(Handbook);

        using var noFiles = await host.Client.SendAsync(HttpMethod.Post, "/v1/documents", content: ApiRequests.Upload([], ("collection", "handbook")));
        using var json = await host.Client.SendAsync(HttpMethod.Post, "/v1/documents", content: JsonContent.Create(new { collection = "handbook" }));

        await ProblemExceptionHandlerTests.ReadProblemAsync(noFiles, HttpStatusCode.BadRequest, "validation-failed");
        var problem = await ProblemExceptionHandlerTests.ReadProblemAsync(json, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        Assert.Contains("multipart/form-data", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_ScopedKey_OwnCollectionAcceptedOtherRefused403()
    {
        var collections = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["finance"] = new Dictionary<string, string> { ["budget.md"] = "# Budget" },
            ["hr"] = new Dictionary<string, string> { ["leave.md"] = "# Leave" },
        };
        await using var host = await ApiHost.StartAsync(collections, ServerHost.WithKeys("hr"), ServerHost.AliceKey);

        using var other = await host.Client.SendAsync(HttpMethod.Post, "/v1/documents", ServerHost.BobKey, ApiRequests.Upload("x.md", "# X", ("collection", "finance")));
        using var own = await host.Client.SendAsync(HttpMethod.Post, "/v1/documents", ServerHost.BobKey, ApiRequests.Upload("x.md", "# X"));
        using var none = await host.Client.SendAsync(HttpMethod.Post, "/v1/documents", content: ApiRequests.Upload("y.md", "# Y", ("collection", "hr")));

        await ProblemExceptionHandlerTests.ReadProblemAsync(other, HttpStatusCode.Forbidden, "collection-forbidden");
        Assert.False(File.Exists(Path.Combine(host.Folders["finance"], "x.md")));
        Assert.Equal("hr", (await own.Content.ReadFromJsonAsync<UploadResponse>())!.Collection); // the default is the first configured one bob may use
        Assert.True(File.Exists(Path.Combine(host.Folders["hr"], "x.md")));
        await ProblemExceptionHandlerTests.ReadProblemAsync(none, HttpStatusCode.Unauthorized, "api-key-missing");
        Assert.False(File.Exists(Path.Combine(host.Folders["hr"], "y.md")));
    }

    [Fact]
    public async Task OpenApi_UploadIsMultipartWithFilesCollectionAndConflictMode()
    {
        await using var host = await ServerHost.StartAsync();

        using var document = JsonDocument.Parse(await host.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var documents = document.RootElement.GetProperty("paths").GetProperty("/v1/documents");
        var form = documents.GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema");
        var fields = form.GetProperty("allOf").EnumerateArray().SelectMany(p => p.GetProperty("properties").EnumerateObject().Select(x => x.Name));
        Assert.Equal(["collection", "files", "onConflict"], fields.Order(StringComparer.Ordinal));
        var responses = documents.GetProperty("post").GetProperty("responses").EnumerateObject().Select(r => r.Name);
        Assert.Superset(new HashSet<string> { "202", "400", "403", "409", "413", "415" }, responses.ToHashSet());
        Assert.Equal(
            ["collection", "limit", "offset", "path", "status"],
            documents.GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));
    }
}
