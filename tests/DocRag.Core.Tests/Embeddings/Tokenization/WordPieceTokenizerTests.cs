using DocRag.Core.Embeddings.Tokenization;
using DocRag.TestSupport;

namespace DocRag.Core.Tests.Embeddings.Tokenization;

public sealed class WordPieceTokenizerTests
{
    private const string MiniLm = "all-MiniLM-L6-v2-tokenizer";

    private static string TinyFolder => GoldenCases.TestDataPath("tiny-wordpiece");

    [Fact]
    public void Encode_TinyVocabulary_MatchesReferenceIds() =>
        GoldenCases.AssertMatches(TokenizerLoader.Load(TinyFolder), "tiny-wordpiece");

    [Fact]
    public void Encode_OtherComponents_MatchesReferenceIds()
    {
        var tokenizer = TokenizerLoader.Load(GoldenCases.TestDataPath("tiny-wordpiece-variant"));

        GoldenCases.AssertMatches(tokenizer, "tiny-wordpiece-variant");
        Assert.Equal(((WordPieceTokenizer)tokenizer).TokenToId("[PAD]"), tokenizer.PadTokenId);
    }

    [SharedModelsFact]
    public void Encode_MiniLmTokenizerJson_MatchesReferenceIds()
    {
        var tokenizer = TokenizerLoader.Load(TestEnvironment.ModelsDirectory + "/" + MiniLm);

        Assert.IsType<WordPieceTokenizer>(tokenizer);
        GoldenCases.AssertMatches(tokenizer, "all-MiniLM-L6-v2");
    }

    [SharedModelsFact]
    public void Encode_MiniLmVocabOnly_MatchesReferenceIds()
    {
        using var folder = new TempDirectory();
        foreach (var file in new[] { "vocab.txt", "tokenizer_config.json", "special_tokens_map.json" })
        {
            File.Copy(TestEnvironment.ModelFile(MiniLm, file), folder.Combine(file));
        }

        GoldenCases.AssertMatches(TokenizerLoader.Load(folder.Path), "all-MiniLM-L6-v2");
    }

    [SharedModelsFact]
    public void Load_MiniLm_ReadsPadIdAndModelMaxLength()
    {
        var tokenizer = (WordPieceTokenizer)TokenizerLoader.Load(TestEnvironment.ModelsDirectory + "/" + MiniLm);

        Assert.Equal(0, tokenizer.PadTokenId);
        Assert.Equal(512, tokenizer.ModelMaxLength);
        Assert.Equal(30522, tokenizer.VocabularySize);
        Assert.Equal([101, 7592, 1010, 2088, 999, 102], tokenizer.Encode("Hello, world!", 128).InputIds);
    }

    [Fact]
    public void Encode_Truncated_KeepsFinalSep()
    {
        var tokenizer = TokenizerLoader.Load(TinyFolder);
        var sep = ((WordPieceTokenizer)tokenizer).TokenToId("[SEP]");

        var full = tokenizer.Encode("the quick brown fox jump over the lazy dog", int.MaxValue);
        var cut = tokenizer.Encode("the quick brown fox jump over the lazy dog", 5);

        Assert.Equal(11, full.Length);
        Assert.Equal(5, cut.Length);
        Assert.Equal(full.InputIds[..4], cut.InputIds[..4]);
        Assert.Equal(sep, cut.InputIds[^1]);
        Assert.All(cut.TypeIds, t => Assert.Equal(0, t));
    }

    [Fact]
    public void Encode_LimitBelowSpecialTokens_Throws()
    {
        var tokenizer = TokenizerLoader.Load(TinyFolder);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => tokenizer.Encode("hello", 1));

        Assert.Contains("2 special tokens", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, tokenizer.Encode("hello", 2).Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n\u00a0\u3000")]
    [InlineData("\u200b\u00ad\ufeff")]
    public void Encode_EmptyOrWhitespace_GivesOnlyClsAndSep(string text)
    {
        var tokenizer = (WordPieceTokenizer)TokenizerLoader.Load(TinyFolder);

        Assert.Equal([tokenizer.TokenToId("[CLS]")!.Value, tokenizer.TokenToId("[SEP]")!.Value], tokenizer.Encode(text, 16).InputIds);
        Assert.Equal(0, tokenizer.CountTokens(text));
    }

    [Fact]
    public void Encode_SpecialTokenInText_IsOneTokenAndCounted()
    {
        var tokenizer = (WordPieceTokenizer)TokenizerLoader.Load(TinyFolder);
        var mask = tokenizer.TokenToId("[MASK]")!.Value;

        var ids = tokenizer.Encode("a[MASK]b", 16).InputIds;

        Assert.Equal(5, ids.Length);
        Assert.Equal(mask, ids[2]);
        Assert.Equal(3, tokenizer.CountTokens("a[MASK]b"));
    }

    [Fact]
    public void CountTokens_ExcludesSpecialTokensAndIgnoresLimits()
    {
        var tokenizer = TokenizerLoader.Load(TinyFolder);
        var text = string.Join(' ', Enumerable.Repeat("hello world", 100));

        Assert.Equal(200, tokenizer.CountTokens(text));
        Assert.Equal(202, tokenizer.Encode(text, int.MaxValue).Length);
    }

    [Fact]
    public void Load_TinyConfig_ReadsCasingPadAndMaxLength()
    {
        var tokenizer = (WordPieceTokenizer)TokenizerLoader.Load(TinyFolder);

        Assert.Equal(64, tokenizer.ModelMaxLength);
        Assert.Equal(tokenizer.TokenToId("[PAD]"), tokenizer.PadTokenId);

        // Cased with accents stripped: "Hello" and "hello" differ, "Árbol" is "Arbol".
        Assert.NotEqual(tokenizer.Encode("Hello", 8).InputIds, tokenizer.Encode("hello", 8).InputIds);
        Assert.Equal(tokenizer.Encode("Arbol", 8).InputIds, tokenizer.Encode("Árbol", 8).InputIds);
    }

    [Fact]
    public void Encode_WordLongerThanLimit_IsUnknown()
    {
        var tokenizer = new WordPieceTokenizer(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "a", "##a"], new WordPieceTokenizerOptions { MaxInputCharsPerWord = 5 });

        Assert.Equal([2, 4, 5, 5, 5, 5, 3], tokenizer.Encode("aaaaa", 16).InputIds);
        Assert.Equal([2, 1, 3], tokenizer.Encode("aaaaaa", 16).InputIds);
        Assert.Equal([2, 1, 3], tokenizer.Encode("ab", 16).InputIds);
    }

    [Fact]
    public void Constructor_VocabularyWithoutClassifierToken_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new WordPieceTokenizer(["[UNK]", "[SEP]", "a"]));

        Assert.Contains("[CLS]", ex.Message, StringComparison.Ordinal);
    }
}
