using DocRag.Core.Answering;
using DocRag.Core.Retrieval;
using DocRag.Core.Text;

namespace DocRag.Core.Tests.Answering;

/// <summary>The relevance decision on hand-made passages, with word frequencies as an index of 1,000 chunks would give them.</summary>
public sealed class RelevanceJudgeTests
{
    private static readonly SearchHit ContextLength = Hits.Make(
        1, "Llama 3.1 8B has a context length of 128K tokens; its KV cache needs 128 KiB per token.", "Quantization guide");

    [Fact]
    public async Task Judge_NameTheIndexNeverMentions_NoAnswerNamingIt()
    {
        var verdict = await Judge().JudgeAsync("What is the context length of Mistral 7B?", TextLanguage.English, [ContextLength]);

        Assert.False(verdict.Relevant);
        Assert.Equal("unknown-name", verdict.Signals.Decider);
        Assert.Equal("no passage mentions 'mistral'", verdict.Reason);
        Assert.Contains("mistral", verdict.Signals.Unknown);
    }

    [Fact]
    public async Task Judge_PassageHoldingTheQuestionsRareWords_IsRelevant()
    {
        var verdict = await Judge().JudgeAsync("How much KV cache memory does Llama 3.1 8B need per token?", TextLanguage.English, [ContextLength]);

        Assert.True(verdict.Relevant, verdict.Reason);
        Assert.Null(verdict.Signals.Decider);
        Assert.True(verdict.Signals.Coverage >= 0.6, $"coverage {verdict.Signals.Coverage}");
    }

    [Fact]
    public async Task Judge_PassageHoldingOnlyCommonWords_NoAnswerByCoverage()
    {
        // "volcano" and "eruption" are rare in this index and the passage holds neither; "token" is common.
        var verdict = await Judge(rare: ["volcan", "erupt"]).JudgeAsync("How many tokens did the volcano eruption cost?", TextLanguage.English, [ContextLength]);

        Assert.False(verdict.Relevant);
        Assert.Equal("coverage", verdict.Signals.Decider);
        Assert.StartsWith("the passages found do not mention 'volcano'", verdict.Reason, StringComparison.Ordinal);
        Assert.True(verdict.Signals.Coverage < RelevanceJudge.RequiredCoverage(0.41, 1000), $"coverage {verdict.Signals.Coverage}");
    }

    [Fact]
    public async Task Judge_SpanishQuestionOverAnEnglishPassage_IsJudgedOnTheWordsBothShare()
    {
        var passage = Hits.Make(2, "llama-imatrix from llama.cpp computes the importance matrix from a calibration text.", "Quantization guide");

        var verdict = await Judge(rare: ["llama.cpp", "llama cpp", "imatrix"]).JudgeAsync(
            "¿Qué herramienta de llama.cpp calcula la matriz de importancia?", TextLanguage.Spanish, [passage]);

        Assert.True(verdict.Relevant, verdict.Reason);
    }

    [Fact]
    public async Task Judge_ClosestPassageDissimilar_NoAnswerBySimilarity()
    {
        var options = new AnsweringOptions { MinSimilarity = 0.3 };
        var far = Hits.Make(3, "Llama 3.1 8B has a context length of 128K tokens.", keywordRank: null, similarity: 0.12);

        var verdict = await Judge(options: options).JudgeAsync("What is the context length of Llama 3.1 8B?", TextLanguage.English, [far]);

        Assert.False(verdict.Relevant);
        Assert.Equal("similarity", verdict.Signals.Decider);
        Assert.Contains("0.12", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Judge_SpanishQuestion_SimilarityOfTheEnglishModelDoesNotDecide()
    {
        var options = new AnsweringOptions { MinSimilarity = 0.3 };
        var passage = Hits.Make(4, "El Teide es un volcán de 3715 metros.", similarity: 0.05, language: TextLanguage.Spanish);

        var verdict = await Judge(options: options).JudgeAsync("¿Cuántos metros tiene el volcán Teide?", TextLanguage.Spanish, [passage]);

        Assert.True(verdict.Relevant, verdict.Reason);
        Assert.Null(verdict.Signals.Similarity);
    }

    [Theory]
    [InlineData(0, 1000, 7.6)]
    [InlineData(1, 1000, 6.5)]
    [InlineData(500, 1000, 0.69)]
    [InlineData(1000, 1000, 0.0005)]
    public void Idf_FollowsBm25(long matching, long chunks, double expected) =>
        Assert.Equal(expected, RelevanceJudge.Idf(chunks, matching), 1);

    [Fact]
    public void RequiredCoverage_SmallIndex_AsksForLess()
    {
        Assert.True(RelevanceJudge.RequiredCoverage(0.41, 5) < 0.1);
        Assert.True(RelevanceJudge.RequiredCoverage(0.41, 100_000) > 0.40);
    }

    [Fact]
    public void Weight_SmallIndex_WeighsWordsAlike()
    {
        Assert.Equal(1.0, RelevanceJudge.Weight(4, 0) / RelevanceJudge.Weight(4, 1), 0);
        Assert.True(RelevanceJudge.Weight(10_000, 0) > 5 * RelevanceJudge.Weight(10_000, 2_000));
    }

    /// <summary>
    /// A judge over an index of 1,000 chunks: a word "mistral" none holds, the <paramref name="rare"/> words (stems) 2
    /// chunks hold, any other 150.
    /// </summary>
    private static RelevanceJudge Judge(string[]? rare = null, AnsweringOptions? options = null) => new(
        (matches, _) => Task.FromResult((1000L, matches.Select(m =>
            m.Contains("mistral", StringComparison.Ordinal) ? 0L
            : (rare ?? []).Any(r => m.Contains($"\"{r}", StringComparison.Ordinal)) ? 2L
            : 150L).ToArray())),
        options ?? new AnsweringOptions());
}
