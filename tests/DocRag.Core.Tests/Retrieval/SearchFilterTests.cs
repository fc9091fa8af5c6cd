using DocRag.Core.Retrieval;

namespace DocRag.Core.Tests.Retrieval;

public sealed class SearchFilterTests
{
    [Fact]
    public void From_CollectionInsideScope_IsThatCollection()
    {
        var filter = SearchFilter.From(new SearchRequest("q", Collection: "hr", AllowedCollections: new HashSet<string> { "hr", "eng" }));

        Assert.Equal(["hr"], filter!.Collections!);
    }

    [Fact]
    public void From_CollectionOutsideScopeOrEmptyScope_MatchesNothing()
    {
        Assert.Null(SearchFilter.From(new SearchRequest("q", Collection: "legal", AllowedCollections: new HashSet<string> { "hr" })));
        Assert.Null(SearchFilter.From(new SearchRequest("q", AllowedCollections: new HashSet<string>())));
    }

    [Fact]
    public void From_NoFilters_IsAll()
    {
        Assert.True(SearchFilter.From(new SearchRequest("q"))!.IsAll);
    }

    [Fact]
    public void From_Type_IsNormalised()
    {
        var filter = SearchFilter.From(new SearchRequest("q", FileType: " .PDF "))!;

        Assert.Equal("pdf", filter.Type);
        Assert.True(filter.Matches("any", "/a/b.pdf", "pdf"));
        Assert.False(filter.Matches("any", "/a/b.md", "md"));
    }

    [Fact]
    public void Matches_PathPrefix_IsOrdinal()
    {
        var filter = new SearchFilter(null, "/Docs/", null);

        Assert.True(filter.Matches("c", "/Docs/a.txt", "txt"));
        Assert.False(filter.Matches("c", "/docs/a.txt", "txt"));
    }
}
