using DocRag.Core.Embeddings.Tokenization;
using DocRag.TestSupport;

namespace DocRag.Core.Tests.Embeddings.Tokenization;

public sealed class UnigramTokenizerTests
{
    private static string TinyFolder => GoldenCases.TestDataPath("tiny-unigram");

    private static UnigramTokenizer Tiny() => (UnigramTokenizer)TokenizerLoader.Load(TinyFolder);

    [Fact]
    public void Encode_XlmRobertaLayout_MatchesReferenceIds() =>
        GoldenCases.AssertMatches(Tiny(), "tiny-unigram");

    [Fact]
    public void Encode_LargeNfkcCharsmap_MatchesReferenceIds() =>
        GoldenCases.AssertMatches(TokenizerLoader.Load(GoldenCases.TestDataPath("tiny-unigram-nfkc")), "tiny-unigram-nfkc");

    [Fact]
    public void Encode_OtherComponents_MatchesReferenceIds() =>
        GoldenCases.AssertMatches(TokenizerLoader.Load(GoldenCases.TestDataPath("tiny-unigram-variant")), "tiny-unigram-variant");

    [Fact]
    public void Encode_FromManyThreads_GivesTheSameIdsAsOneThread()
    {
        var tokenizer = TokenizerLoader.Load(GoldenCases.TestDataPath("tiny-unigram-nfkc"));
        var texts = GoldenCases.Load("tiny-unigram-nfkc").Select(c => c.Text).Distinct().ToArray();
        var expected = texts.Select(t => tokenizer.Encode(t, 64).InputIds).ToArray();

        var actual = new int[texts.Length * 8][];
        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            actual[i] = tokenizer.Encode(texts[i % texts.Length], 64).InputIds);

        for (var i = 0; i < actual.Length; i++)
        {
            Assert.Equal(expected[i % texts.Length], actual[i]);
        }
    }

    [Fact]
    public void Load_XlmRobertaLayout_ReadsSpecialTokensPadAndMaxLength()
    {
        var tokenizer = Tiny();

        Assert.Equal(1, tokenizer.PadTokenId);
        Assert.Equal(512, tokenizer.ModelMaxLength);
        Assert.Equal(0, tokenizer.TokenToId("<s>"));
        Assert.Equal(2, tokenizer.TokenToId("</s>"));
        Assert.Equal(tokenizer.VocabularySize - 1, tokenizer.TokenToId("<mask>"));
    }

    [Fact]
    public void Encode_Truncated_KeepsFinalEos()
    {
        var tokenizer = Tiny();
        const string text = "The tokenizer splits words into pieces; frequent words stay whole and rare words become several pieces.";

        var full = tokenizer.Encode(text, int.MaxValue);
        var cut = tokenizer.Encode(text, 8);

        Assert.True(full.Length > 8);
        Assert.Equal(8, cut.Length);
        Assert.Equal(full.InputIds[..7], cut.InputIds[..7]);
        Assert.Equal(2, cut.InputIds[^1]);
        Assert.Equal(full.Length - 2, tokenizer.CountTokens(text));
    }

    [Fact]
    public void Encode_Empty_GivesBosAndEosOnly()
    {
        var tokenizer = Tiny();

        Assert.Equal([0, 2], tokenizer.Encode("", 16).InputIds);
        Assert.Equal(0, tokenizer.CountTokens(""));
    }

    [Fact]
    public void Encode_MaskWithLeftStrip_SwallowsThePrecedingSpace()
    {
        var tokenizer = Tiny();
        var mask = tokenizer.TokenToId("<mask>")!.Value;

        var spaced = tokenizer.Encode("hello <mask>", 16).InputIds;
        var tight = tokenizer.Encode("hello<mask>", 16).InputIds;

        Assert.Equal(tight, spaced);
        Assert.Equal(mask, spaced[^2]);
    }

    [Fact]
    public void FromTokenizerJson_WordPieceFile_Throws()
    {
        using var folder = new TempDirectory();
        var path = folder.WriteText("tokenizer.json", """{"model": {"type": "WordPiece", "vocab": {"[UNK]": 0}}}""");

        var ex = Assert.Throws<InvalidDataException>(() => UnigramTokenizer.FromTokenizerJson(path));

        Assert.Contains("not Unigram", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_NoUnknownIdAndUncoveredCharacter_ThrowsClearError()
    {
        using var folder = new TempDirectory();
        var path = folder.WriteText("tokenizer.json", """{"model": {"type": "Unigram", "vocab": [["a", -1.0]]}}""");
        var tokenizer = UnigramTokenizer.FromTokenizerJson(path);

        Assert.Equal(2, tokenizer.CountTokens("aa"));
        var ex = Assert.Throws<InvalidOperationException>(() => tokenizer.CountTokens("ab"));
        Assert.Contains("unk_id", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MalformedCharsmap_ThrowsInvalidDataNamingTheFile()
    {
        using var folder = new TempDirectory();
        var path = folder.WriteText("tokenizer.json", """
            {"normalizer": {"type": "Precompiled", "precompiled_charsmap": "QUJD"},
             "model": {"type": "Unigram", "unk_id": 0, "vocab": [["<unk>", 0.0]]}}
            """);

        var ex = Assert.Throws<InvalidDataException>(() => TokenizerLoader.Load(folder.Path));

        Assert.StartsWith(path + ":", ex.Message, StringComparison.Ordinal);
        Assert.Contains("charsmap", ex.Message, StringComparison.Ordinal);
    }
}
