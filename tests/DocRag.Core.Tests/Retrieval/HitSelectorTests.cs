using DocRag.Core.Retrieval;
using DocRag.Core.Storage;
using DocRag.Core.Text;

namespace DocRag.Core.Tests.Retrieval;

public sealed class HitSelectorTests
{
    private static readonly string[] Texts =
    [
        "Alpha beta gamma delta epsilon zeta.",
        "Eta theta iota kappa lambda mu.",
        "Nu xi omicron pi rho sigma.",
        "Tau upsilon phi chi psi omega.",
        "One two three four five six.",
    ];

    private static ChunkRecord Chunk(long id, long document, string text, string collection = "main", string? title = "Title") =>
        new(new ChunkId(id), new DocumentId(document), (int)id, text, ["H"], 2, 3, 0, text.Length, 5, $"/docs/{document}.md", collection, title, "md", TextLanguage.English);

    private static FusedCandidate Candidate(long id) => new(new ChunkId(id), 1.0 / id, (int)id, null, 10.0 / id, null);

    [Fact]
    public void Offer_MoreChunksOfOneDocumentThanAllowed_KeepsTheFirst()
    {
        var selector = new HitSelector(topK: 10, maxChunksPerDocument: 2, nearDuplicateThreshold: 0.8, SearchFilter.All);
        for (var i = 1; i <= 4; i++)
        {
            selector.Offer(Candidate(i), Chunk(i, document: 1, Texts[i - 1]));
        }

        selector.Offer(Candidate(5), Chunk(5, document: 2, Texts[4]));

        Assert.Equal(new long[] { 1, 2, 5 }, selector.Hits.Select(h => h.ChunkId.Value));
    }

    [Fact]
    public void Offer_NoCrowdingLimit_KeepsEveryChunk()
    {
        var selector = new HitSelector(10, 0, 0.8, SearchFilter.All);
        for (var i = 1; i <= 4; i++)
        {
            selector.Offer(Candidate(i), Chunk(i, 1, Texts[i - 1]));
        }

        Assert.Equal(4, selector.Hits.Count);
    }

    [Fact]
    public void Offer_SameTextInAnotherDocument_IsDroppedAsNearDuplicate()
    {
        var selector = new HitSelector(10, 3, 0.8, SearchFilter.All);
        selector.Offer(Candidate(1), Chunk(1, 1, Texts[0]));
        var kept = selector.Offer(Candidate(2), Chunk(2, 2, Texts[0].ToUpperInvariant()));
        selector.Offer(Candidate(3), Chunk(3, 3, Texts[1]));

        Assert.False(kept);
        Assert.Equal(new long[] { 1, 3 }, selector.Hits.Select(h => h.ChunkId.Value));
    }

    [Fact]
    public void Offer_NearDuplicateControlOff_KeepsCopies()
    {
        var selector = new HitSelector(10, 3, 0, SearchFilter.All);
        selector.Offer(Candidate(1), Chunk(1, 1, Texts[0]));
        selector.Offer(Candidate(2), Chunk(2, 2, Texts[0]));

        Assert.Equal(2, selector.Hits.Count);
    }

    [Fact]
    public void Offer_ChunkOutsideTheFilter_IsDropped()
    {
        var selector = new HitSelector(10, 3, 0.8, new SearchFilter(new HashSet<string> { "hr" }, null, null));

        Assert.False(selector.Offer(Candidate(1), Chunk(1, 1, Texts[0], collection: "eng")));
        Assert.True(selector.Offer(Candidate(2), Chunk(2, 2, Texts[1], collection: "hr")));
    }

    [Fact]
    public void Offer_StopsAtTopK_AndCarriesTheChunkFacts()
    {
        var selector = new HitSelector(2, 3, 0.8, SearchFilter.All);
        for (var i = 1; i <= 4; i++)
        {
            selector.Offer(Candidate(i), Chunk(i, i, Texts[i - 1], title: i == 1 ? null : "Title"));
        }

        Assert.True(selector.IsFull);
        var hit = selector.Hits[0];
        Assert.Equal(2, selector.Hits.Count);
        Assert.Equal(("/docs/1.md", "main", "1", "md"), (hit.Path, hit.Collection, hit.Title, hit.Type));
        Assert.Equal((2, 3, 1, 1.0, 10.0), (hit.PageStart, hit.PageEnd, hit.KeywordRank!.Value, hit.Score, hit.KeywordScore!.Value));
        Assert.Equal(["H"], hit.HeadingPath);
        Assert.Null(hit.VectorRank);
    }
}
