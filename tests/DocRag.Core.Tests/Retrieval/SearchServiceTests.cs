using DocRag.Core.Retrieval;

namespace DocRag.Core.Tests.Retrieval;

/// <summary>Keyword search over a real index built by the ingestion code (no embedding model).</summary>
public sealed class SearchServiceTests : IDisposable
{
    private readonly SearchHarness _harness = new();

    [Fact]
    public async Task Search_Keyword_FindsInflectedWordsInBothLanguages()
    {
        await _harness.SyncAsync();
        var search = _harness.CreateService();

        var english = await search.SearchAsync(new SearchRequest("installers upgrade"));
        var spanish = await search.SearchAsync(new SearchRequest("receta valenciana"));

        Assert.EndsWith("install.md", english.Hits[0].Path, StringComparison.Ordinal);
        Assert.EndsWith("paella.txt", spanish.Hits[0].Path, StringComparison.Ordinal);
        Assert.Contains("instal", english.QueryTerms);
    }

    [Fact]
    public async Task Search_NoEmbedder_IsKeywordAndSaysWhy()
    {
        await _harness.SyncAsync();
        var search = _harness.CreateService();

        var result = await search.SearchAsync(new SearchRequest("penguins"));

        Assert.Equal(SearchMode.Keyword, result.Mode);
        Assert.Contains("no embedding model", result.ModeReason, StringComparison.Ordinal);
        var hit = Assert.Single(result.Hits);
        Assert.Equal((1, (int?)null), (hit.KeywordRank, hit.VectorRank));
        Assert.True(hit.KeywordScore > 0);
        Assert.Equal("eng", hit.Collection);
        Assert.Equal("penguins", hit.Title);
        Assert.Contains("Emperor penguins", hit.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SearchMode.Vector)]
    [InlineData(SearchMode.Hybrid)]
    public async Task Search_VectorModesWithoutEmbedder_Throw(SearchMode mode)
    {
        await _harness.SyncAsync();
        var search = _harness.CreateService();

        var error = await Assert.ThrowsAsync<SearchModeUnavailableException>(() => search.SearchAsync(new SearchRequest("penguins", Mode: mode)));

        Assert.Equal(mode, error.Mode);
        Assert.Contains("keyword", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"unbalanced quote penguins")]
    [InlineData("penguins NEAR(birds winter)")]
    [InlineData("title:penguins OR *")]
    [InlineData("penguins AND -birds ^winter")]
    [InlineData("{text heading}: penguins")]
    [InlineData("penguins\0 \u200b birds')); DROP TABLE chunks; --")]
    public async Task Search_FtsSyntaxInUserText_IsSearchedAsWords(string query)
    {
        await _harness.SyncAsync();
        var search = _harness.CreateService();

        var result = await search.SearchAsync(new SearchRequest(query, Mode: SearchMode.Keyword));

        Assert.EndsWith("penguins.txt", result.Hits[0].Path, StringComparison.Ordinal);
        Assert.NotEmpty(await _harness.Store.GetChunksAsync([result.Hits[0].ChunkId]));
    }

    [Theory]
    [InlineData("?!")]
    [InlineData("— … ·")]
    public async Task Search_NoSearchableTerms_FindsNothing(string query)
    {
        await _harness.SyncAsync();
        var search = _harness.CreateService();

        var result = await search.SearchAsync(new SearchRequest(query));

        Assert.Empty(result.Hits);
        Assert.Empty(result.QueryTerms);
    }

    [Fact]
    public async Task Search_Filters_ApplyToKeywordHits()
    {
        await _harness.SyncAsync();
        var search = _harness.CreateService();
        const string Query = "service stopped portal policy server";

        var all = await search.SearchAsync(new SearchRequest(Query, TopK: 50));
        var policies = await search.SearchAsync(new SearchRequest(Query, TopK: 50, Collection: "policies"));
        var design = await search.SearchAsync(new SearchRequest(Query, TopK: 50, PathPrefix: _harness.Engineering.Combine("design") + "/"));
        var markdown = await search.SearchAsync(new SearchRequest(Query, TopK: 50, FileType: ".MD"));
        var scoped = await search.SearchAsync(new SearchRequest(Query, TopK: 50, AllowedCollections: new HashSet<string> { "eng" }));
        var outside = await search.SearchAsync(new SearchRequest(Query, Collection: "policies", AllowedCollections: new HashSet<string> { "eng" }));

        Assert.Equal(["eng", "policies"], all.Hits.Select(h => h.Collection).Distinct().Order());
        Assert.All(policies.Hits, h => Assert.Equal("policies", h.Collection));
        Assert.NotEmpty(policies.Hits);
        Assert.All(design.Hits, h => Assert.Contains("/design/", h.Path, StringComparison.Ordinal));
        Assert.Equal(2, design.Hits.Select(h => h.DocumentId).Distinct().Count());
        Assert.All(markdown.Hits, h => Assert.Equal("md", h.Type));
        Assert.NotEmpty(markdown.Hits);
        Assert.All(scoped.Hits, h => Assert.Equal("eng", h.Collection));
        Assert.NotEmpty(scoped.Hits);
        Assert.Empty(outside.Hits);
    }

    [Fact]
    public async Task Search_TitleMatch_OutranksTheSameWordInText()
    {
        _harness.Policies.WriteText("handbook.txt", "General handbook.\n\nThis page mentions security once among many other words about the office and lunch.");
        await _harness.SyncAsync();
        var search = _harness.CreateService();

        var result = await search.SearchAsync(new SearchRequest("security", Mode: SearchMode.Keyword));

        Assert.EndsWith("security.txt", result.Hits[0].Path, StringComparison.Ordinal);
        Assert.Contains(result.Hits, h => h.Path.EndsWith("handbook.txt", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", 10)]
    [InlineData("   ", 10)]
    [InlineData("ok", 0)]
    [InlineData("ok", 101)]
    public async Task Search_InvalidRequest_ThrowsArgumentException(string query, int topK)
    {
        var search = _harness.CreateService();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => search.SearchAsync(new SearchRequest(query, topK)));
    }

    [Fact]
    public async Task Search_QueryTooLong_ThrowsArgumentException()
    {
        var search = _harness.CreateService();

        await Assert.ThrowsAsync<ArgumentException>(() => search.SearchAsync(new SearchRequest(new string('a', SearchRequest.MaxQueryLength + 1))));
    }

    public void Dispose() => _harness.Dispose();
}
