using DocRag.Server.Endpoints;

namespace DocRag.Server.Tests.Endpoints;

public sealed class CollectionEndpointsTests
{
    private static readonly Dictionary<string, IReadOnlyDictionary<string, string>> Two = new()
    {
        ["hr"] = new Dictionary<string, string> { ["leave.md"] = "# Leave\n\nSixteen weeks.", ["broken.pdf"] = "not a pdf at all" },
        ["finance"] = new Dictionary<string, string> { ["budget.md"] = "# Budget\n\nFixed." },
    };

    [Fact]
    public async Task List_WatchedFolders_WithCountsFolderAndDefault()
    {
        await using var host = await ApiHost.StartAsync(Two);

        var list = await host.Client.GetJsonAsync<CollectionList>("/v1/collections");

        Assert.Equal(["finance", "hr"], list.Items.Select(c => c.Name));
        var hr = list.Items.Single(c => c.Name == "hr");
        Assert.Equal((host.Folders["hr"], "configured", true), (hr.Folder, hr.Source, hr.Watched));
        Assert.Equal((2, 1, 1), (hr.Documents, hr.Indexed, hr.Failed));
        Assert.True(hr.Chunks > 0);
        Assert.Equal("hr", list.DefaultCollection);
    }

    [Fact]
    public async Task List_ScopedKey_OnlyItsCollectionsAndNoServerPaths()
    {
        await using var host = await ApiHost.StartAsync(Two, ServerHost.WithKeys("finance"), ServerHost.AliceKey);

        var bob = await host.Client.GetJsonAsync<CollectionList>("/v1/collections", ServerHost.BobKey);
        var alice = await host.Client.GetJsonAsync<CollectionList>("/v1/collections", ServerHost.AliceKey);

        var finance = Assert.Single(bob.Items);
        Assert.Equal(("finance", null, 1), (finance.Name, finance.Folder, finance.Documents));
        Assert.Equal("finance", bob.DefaultCollection);
        Assert.Equal(2, alice.Items.Count);
        Assert.All(alice.Items, c => Assert.NotNull(c.Folder));
    }

    [Fact]
    public async Task List_NothingIndexedOrConfigured_EmptyWithoutDefault()
    {
        await using var host = await ServerHost.StartAsync();

        var list = await host.Client.GetJsonAsync<CollectionList>("/v1/collections");

        Assert.Empty(list.Items);
        Assert.Null(list.DefaultCollection);
    }
}
