using DocRag.Core.Hosting;
using DocRag.Core.Ingestion;
using DocRag.Core.Storage;
using DocRag.Server.Indexing;
using DocRag.Server.Security;
using DocRag.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace DocRag.Server.Tests.Indexing;

public sealed class CollectionFoldersTests : IDisposable
{
    private readonly TempDirectory _root = new("docrag-collection-folders");
    private readonly IndexStore _store;

    public CollectionFoldersTests() => _store = new IndexStore(_root.Combine("data", "docrag.db"));

    [Fact]
    public async Task List_ConfiguredThenUploadsThenIndexRoots_EachNameOnce()
    {
        Directory.CreateDirectory(_root.Combine("data", "uploads", "team"));
        Directory.CreateDirectory(_root.Combine("data", "uploads", ".hidden"));
        await _store.SetCollectionRootAsync("old", _root.Combine("elsewhere"));
        await _store.SetCollectionRootAsync("handbook", _root.Combine("stale-root"));
        await _store.SetCollectionRootAsync("team", _root.Combine("data", "uploads", "team"));
        var folders = Create(("handbook", _root.Combine("docs", "handbook") + "/"), (null, _root.Combine("policies")));

        var list = await folders.ListAsync();

        Assert.Equal(
            [("handbook", _root.Combine("docs", "handbook"), CollectionFolderSource.Configured),
             ("policies", _root.Combine("policies"), CollectionFolderSource.Configured),
             ("team", _root.Combine("data", "uploads", "team"), CollectionFolderSource.Uploads),
             ("old", _root.Combine("elsewhere"), CollectionFolderSource.Index)],
            list.Select(f => (f.Name, f.Path, f.Source)));
        Assert.Equal([true, true, true, false], list.Select(f => f.Watched));
        Assert.Null(await folders.FindAsync("missing"));
        Assert.Equal(_root.Combine("data", "uploads", "new"), folders.ForUploads("new").Path);
    }

    [Fact]
    public async Task DefaultFor_FirstAllowedConfiguredElseTheOnlyAllowedFolder()
    {
        var configured = Create(("a", _root.Combine("a")), ("b", _root.Combine("b")));
        var none = Create();
        await _store.SetCollectionRootAsync("x", _root.Combine("x"));

        Assert.Equal("a", await configured.DefaultForAsync(CollectionScope.All));
        Assert.Equal("b", await configured.DefaultForAsync(CollectionScope.Of(["b", "x"])));
        Assert.Equal("x", await none.DefaultForAsync(CollectionScope.All));
        await _store.SetCollectionRootAsync("y", _root.Combine("y"));
        Assert.Null(await none.DefaultForAsync(CollectionScope.All));
        Assert.Equal("y", await none.DefaultForAsync(CollectionScope.Of(["y"])));
    }

    [Theory]
    [InlineData("/srv/docs/a.md", "/srv/docs", true)]
    [InlineData("/srv/docs", "/srv/docs/", true)]
    [InlineData("/srv/docsother/a.md", "/srv/docs", false)]
    [InlineData("/srv", "/srv/docs", false)]
    public void IsUnder_PathInsideFolder(string path, string folder, bool inside)
    {
        Assert.Equal(inside, CollectionFolders.IsUnder(path, folder));
    }

    public void Dispose()
    {
        _store.Dispose();
        SqliteConnection.ClearAllPools();
        _root.Dispose();
    }

    private CollectionFolders Create(params (string? Name, string Path)[] configured)
    {
        var ingestion = new IngestionOptions();
        foreach (var (name, path) in configured)
        {
            ingestion.Folders.Add(new WatchedFolder { Path = path, Collection = name });
        }

        return new CollectionFolders(Options.Create(ingestion), Options.Create(new DocRagOptions { DataDirectory = _root.Combine("data") }), _store);
    }
}
