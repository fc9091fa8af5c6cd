using DocRag.Core.Retrieval;

namespace DocRag.Core.Tests.Retrieval;

/// <summary>The row budget: a query narrowed to its rare clauses still scores each row it finds with the whole query.</summary>
public sealed class KeywordSearcherTests : IDisposable
{
    private static readonly RetrievalOptions Exact = new() { KeywordRowBudget = 0, MaxChunksPerDocument = 0, NearDuplicateThreshold = 0 };
    private readonly SearchHarness _harness = new();

    [Theory]
    [InlineData("emperor penguins service server policy")]
    [InlineData("installer upgrades index service stopped")]
    [InlineData("lost laptop passwords policy server")]
    public async Task Search_OverBudget_ScoresFoundRowsExactlyAsTheWholeQuery(string query)
    {
        await _harness.SyncAsync();
        var exact = await _harness.CreateService(options: Exact).SearchAsync(new SearchRequest(query, 100, SearchMode.Keyword));
        var budgeted = await _harness.CreateService(options: new RetrievalOptions { KeywordRowBudget = 1, MaxChunksPerDocument = 0, NearDuplicateThreshold = 0 })
            .SearchAsync(new SearchRequest(query, 100, SearchMode.Keyword));

        Assert.NotEmpty(budgeted.Hits);
        Assert.True(budgeted.Hits.Count < exact.Hits.Count, "the budget should have narrowed the rows");
        var exactScores = exact.Hits.ToDictionary(h => h.ChunkId, h => h.KeywordScore!.Value);
        foreach (var hit in budgeted.Hits)
        {
            Assert.Equal(exactScores[hit.ChunkId], hit.KeywordScore!.Value, 9);
        }

        // The order is the exact order of the rows found.
        Assert.Equal(exact.Hits.Select(h => h.ChunkId).Where(budgeted.Hits.Select(b => b.ChunkId).Contains), budgeted.Hits.Select(h => h.ChunkId));
    }

    [Fact]
    public async Task Search_WithinBudget_IsTheExactRanking()
    {
        await _harness.SyncAsync();
        const string Query = "service policy server";

        var exact = await _harness.CreateService(options: Exact).SearchAsync(new SearchRequest(Query, 100, SearchMode.Keyword));
        var budgeted = await _harness.CreateService(options: new RetrievalOptions { KeywordRowBudget = 1000, MaxChunksPerDocument = 0, NearDuplicateThreshold = 0 })
            .SearchAsync(new SearchRequest(Query, 100, SearchMode.Keyword));

        Assert.Equal(exact.Hits.Select(h => (h.ChunkId, h.KeywordScore)), budgeted.Hits.Select(h => (h.ChunkId, h.KeywordScore)));
    }

    [Fact]
    public async Task Search_OverBudgetWithFilter_AppliesTheFilterToBothParts()
    {
        await _harness.SyncAsync();
        var options = new RetrievalOptions { KeywordRowBudget = 1, MaxChunksPerDocument = 0, NearDuplicateThreshold = 0 };

        var result = await _harness.CreateService(options: options).SearchAsync(new SearchRequest("passwords service server", 100, SearchMode.Keyword, Collection: "policies"));

        Assert.NotEmpty(result.Hits);
        Assert.All(result.Hits, h => Assert.Equal("policies", h.Collection));
    }

    public void Dispose() => _harness.Dispose();
}
