using DocRag.Core.Embeddings;
using DocRag.Core.Models;
using DocRag.Core.Retrieval;
using DocRag.Core.Text;
using DocRag.TestSupport;
using DocRag.TestSupport.Onnx;

namespace DocRag.Core.Tests.Retrieval;

/// <summary>
/// Hybrid search with a model whose docrag-model.json says it is English-only, over English and Spanish documents:
/// the vector side is left out for Spanish queries and Spanish passages, and the result says so.
/// </summary>
public sealed class SearchServiceLanguageTests : IDisposable
{
    private readonly TempDirectory _dir = new("docrag-language");
    private readonly SearchHarness _harness = new();
    private readonly TempDirectory _spanish = new("docrag-es");
    private readonly OnnxEmbeddingGenerator _english;

    public SearchServiceLanguageTests()
    {
        var folder = EmbeddingModelFolderWriter.Write(_dir.Combine("tiny-en"), new EmbeddingFolderSpec());
        new ModelManifest(
            1, "tiny-en", ModelRole.Embedding, "test", "1", "MIT", "model.onnx", [],
            new EmbeddingModelInfo(32, "", "", "mean", 128, true, ["en"]), null).WriteAsync(folder).GetAwaiter().GetResult();
        _english = OnnxEmbeddingGenerator.Load(folder, new EmbeddingOptions { ExecutionProvider = "cpu", IntraOpThreads = 1 });
        _spanish.WriteText("vacaciones.md", "# Vacaciones\n\nLos empleados tienen veintidós días de vacaciones al año. Las vacaciones se piden con un mes de antelación a la persona responsable del equipo.");
        _spanish.WriteText("servidor.md", "# Servidor\n\nEl servidor se reinicia cada noche. Si el índice no responde, hay que comprobar los registros del servicio antes de llamar al equipo de guardia.");
    }

    public void Dispose()
    {
        _english.Dispose();
        _harness.Dispose();
        _spanish.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Search_SpanishQuery_AutoModeSearchesByKeywordAndSaysWhy()
    {
        await SyncAsync();
        var search = _harness.CreateService(_english);

        var result = await search.SearchAsync(new SearchRequest("¿Cuántos días de vacaciones tienen los empleados al año?"));
        var keyword = await search.SearchAsync(new SearchRequest("¿Cuántos días de vacaciones tienen los empleados al año?", Mode: SearchMode.Keyword));

        Assert.Equal(SearchMode.Keyword, result.Mode);
        Assert.Contains("the query reads as es and the embedding model is for en", result.ModeReason, StringComparison.Ordinal);
        Assert.Null(result.Fusion);
        Assert.Equal(keyword.Hits.Select(h => h.ChunkId), result.Hits.Select(h => h.ChunkId));
    }

    [Fact]
    public async Task Search_SpanishQuery_ExplicitHybridLeavesTheVectorSideOut()
    {
        await SyncAsync();
        var search = _harness.CreateService(_english);
        const string Query = "¿Qué hay que comprobar cuando el índice del servidor no responde?";

        var hybrid = await search.SearchAsync(new SearchRequest(Query, Mode: SearchMode.Hybrid));
        var keyword = await search.SearchAsync(new SearchRequest(Query, Mode: SearchMode.Keyword));

        Assert.Equal(SearchMode.Hybrid, hybrid.Mode);
        Assert.Equal("keyword", hybrid.Fusion!.Method);
        Assert.Equal(0, hybrid.Fusion.VectorWeight);
        Assert.Equal("es", hybrid.Fusion.QueryLanguage);
        Assert.Equal(["en"], hybrid.Fusion.ModelLanguages);
        Assert.Contains("vector side left out", hybrid.Fusion.Note, StringComparison.Ordinal);
        Assert.Equal(keyword.Hits.Select(h => h.ChunkId), hybrid.Hits.Select(h => h.ChunkId));
    }

    [Fact]
    public async Task Search_EnglishQuery_LeavesOutTheVectorHitsOfSpanishPassages()
    {
        await SyncAsync();
        var search = _harness.CreateService(_english, new RetrievalOptions { MaxChunksPerDocument = 0, NearDuplicateThreshold = 0 });

        var hybrid = await search.SearchAsync(new SearchRequest("how many vacation days do the employees get each year", TopK: 100));
        var vector = await search.SearchAsync(new SearchRequest("how many vacation days do the employees get each year", TopK: 100, Mode: SearchMode.Vector));

        Assert.Equal(SearchMode.Hybrid, hybrid.Mode);
        Assert.Equal("score", hybrid.Fusion!.Method);
        var spanish = vector.Hits.Count(h => h.Language == TextLanguage.Spanish);
        Assert.True(spanish > 0);
        Assert.Equal(spanish, hybrid.Fusion.PassagesLeftOut);
        Assert.Contains("not in en", hybrid.Fusion.Note, StringComparison.Ordinal);
        Assert.All(hybrid.Hits.Where(h => h.Language == TextLanguage.Spanish), h => Assert.Null(h.VectorSimilarity));
        Assert.Contains(hybrid.Hits, h => h.Language == TextLanguage.English && h.VectorSimilarity is not null);
    }

    [Fact]
    public async Task Search_MatchModelLanguagesOff_FusesEveryVectorHit()
    {
        await SyncAsync();
        var search = _harness.CreateService(_english, new RetrievalOptions { MatchModelLanguages = false });

        var result = await search.SearchAsync(new SearchRequest("¿Cuántos días de vacaciones tienen los empleados al año?"));

        Assert.Equal(SearchMode.Hybrid, result.Mode);
        Assert.Equal(0, result.Fusion!.PassagesLeftOut);
        Assert.Null(result.Fusion.ModelLanguages);
    }

    private async Task SyncAsync()
    {
        await _harness.SyncAsync(_english);
        await _harness.SyncFolderAsync(_spanish, "es", _english);
    }
}
