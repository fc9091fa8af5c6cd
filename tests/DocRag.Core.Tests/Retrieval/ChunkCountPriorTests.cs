using DocRag.Core.Retrieval;
using DocRag.TestSupport;

namespace DocRag.Core.Tests.Retrieval;

public sealed class ChunkCountPriorTests : IDisposable
{
    private readonly SearchHarness _harness = new();

    [Fact]
    public async Task Search_ChunkOfALongDocument_IsDividedByOnePlusPenaltyTimesLogChunks()
    {
        using var folder = new TempDirectory("docrag-prior");
        var filler = Enumerable.Range(1, 30).Select(i => $"Paragraph {i} of the logbook records routine weather and tides for day {i}.");
        folder.WriteText("long.txt", string.Join("\n\n", filler.Prepend("The lighthouse keeper repaired the foghorn.")));
        folder.WriteText("short.txt", "The lighthouse keeper repaired the foghorn.");
        await _harness.SyncFolderAsync(folder, "prior");
        var chunks = (await _harness.Store.GetDocumentByPathAsync(folder.Combine("long.txt")))!.ChunkCount;

        var off = await _harness.CreateService(options: new RetrievalOptions { ChunkCountPenalty = 0 }).SearchAsync(new SearchRequest("lighthouse foghorn"));
        var on = await _harness.CreateService(options: new RetrievalOptions { ChunkCountPenalty = 0.5 }).SearchAsync(new SearchRequest("lighthouse foghorn"));

        Assert.True(chunks > 3, $"{chunks} chunks");
        double Score(SearchResult result, string name) => result.Hits.Single(h => h.Path.EndsWith(name, StringComparison.Ordinal)).KeywordScore!.Value;
        Assert.Equal(Score(off, "short.txt"), Score(on, "short.txt"), 9);
        Assert.Equal(Score(off, "long.txt") / (1 + (0.5 * Math.Log(chunks))), Score(on, "long.txt"), 9);
        Assert.EndsWith("short.txt", on.Hits[0].Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_OnlyHitFromALongDocument_IsDividedToo()
    {
        using var folder = new TempDirectory("docrag-prior-single");
        var filler = Enumerable.Range(1, 30).Select(i => $"Paragraph {i} of the logbook records routine weather and tides for day {i}.");
        folder.WriteText("long.txt", string.Join("\n\n", filler.Prepend("The lighthouse keeper repaired the foghorn.")));
        await _harness.SyncFolderAsync(folder, "prior");
        var chunks = (await _harness.Store.GetDocumentByPathAsync(folder.Combine("long.txt")))!.ChunkCount;

        var off = await _harness.CreateService(options: new RetrievalOptions { ChunkCountPenalty = 0 }).SearchAsync(new SearchRequest("foghorn"));
        var on = await _harness.CreateService(options: new RetrievalOptions { ChunkCountPenalty = 0.5 }).SearchAsync(new SearchRequest("foghorn"));

        // One chunk holds the word: the score of a lone hit must be the one it would have in a longer list.
        var hit = Assert.Single(on.Hits);
        Assert.True(chunks > 3, $"{chunks} chunks");
        Assert.Equal(Assert.Single(off.Hits).KeywordScore!.Value / (1 + (0.5 * Math.Log(chunks))), hit.KeywordScore!.Value, 9);
    }

    public void Dispose() => _harness.Dispose();
}
