using DocRag.Core.Embeddings.Tokenization;
using DocRag.TestSupport;

namespace DocRag.Core.Tests.Embeddings.Tokenization;

public sealed class TokenizerLoaderTests
{
    private const string WordPieceJson = """
        {
          "added_tokens": [{"id": 0, "content": "[PAD]", "special": true}, {"id": 1, "content": "[UNK]", "special": true}],
          "normalizer": {"type": "BertNormalizer", "lowercase": true},
          "pre_tokenizer": {"type": "BertPreTokenizer"},
          "post_processor": {"type": "BertProcessing", "sep": ["[SEP]", 3], "cls": ["[CLS]", 2]},
          "model": {"type": "WordPiece", "unk_token": "[UNK]", "vocab": {"[PAD]": 0, "[UNK]": 1, "[CLS]": 2, "[SEP]": 3, "hello": 4, "##s": 5}}
        }
        """;

    [Fact]
    public void Load_TokenizerJson_PrefersItOverVocabTxt()
    {
        using var folder = new TempDirectory();
        folder.WriteText("tokenizer.json", WordPieceJson);
        folder.WriteText("vocab.txt", "[UNK]\n[CLS]\n[SEP]\nother\n");

        var tokenizer = TokenizerLoader.Load(folder.Path);

        Assert.Equal([2, 4, 5, 3], tokenizer.Encode("Hellos", 16).InputIds);
        Assert.Equal(0, tokenizer.PadTokenId);
        Assert.Null(tokenizer.ModelMaxLength);
    }

    [Fact]
    public void Load_SpecialTokensMap_OverridesTokenizerConfig()
    {
        using var folder = new TempDirectory();
        folder.WriteText("vocab.txt", "[PAD]\n[UNK]\n[CLS]\n[SEP]\n<pad>\nhello\n");
        folder.WriteText("tokenizer_config.json", """{"pad_token": "[PAD]", "model_max_length": 1000000000000000019884624838656}""");
        folder.WriteText("special_tokens_map.json", """{"pad_token": {"content": "<pad>", "lstrip": false}}""");

        var tokenizer = TokenizerLoader.Load(folder.Path);

        Assert.Equal(4, tokenizer.PadTokenId);
        Assert.Null(tokenizer.ModelMaxLength);
    }

    [Fact]
    public void Load_BpeModel_ThrowsNotSupportedNamingTheType()
    {
        using var folder = new TempDirectory();
        var path = folder.WriteText("tokenizer.json", """{"model": {"type": "BPE", "vocab": {"a": 0}, "merges": []}}""");

        var ex = Assert.Throws<NotSupportedException>(() => TokenizerLoader.Load(folder.Path));

        Assert.Contains("'BPE'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnsupportedNormalizer_ThrowsNotSupportedNamingIt()
    {
        using var folder = new TempDirectory();
        folder.WriteText("tokenizer.json", WordPieceJson.Replace("\"BertNormalizer\"", "\"Nmt\""));

        var ex = Assert.Throws<NotSupportedException>(() => TokenizerLoader.Load(folder.Path));

        Assert.Contains("normalizer type 'Nmt'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("[]")]
    [InlineData("""{"normalizer": null}""")]
    [InlineData("""{"model": {"type": "WordPiece", "vocab": {"a": "zero"}}}""")]
    [InlineData("""{"model": {"type": "WordPiece", "vocab": {"a": 0}}}""")]
    [InlineData("""{"model": {"type": "Unigram", "unk_id": 5, "vocab": [["a", -1.0]]}}""")]
    [InlineData("""{"model": {"type": "Unigram", "vocab": [["a"]]}}""")]
    public void Load_MalformedTokenizerJson_ThrowsInvalidDataNamingTheFile(string json)
    {
        using var folder = new TempDirectory();
        var path = folder.WriteText("tokenizer.json", json);

        var ex = Assert.Throws<InvalidDataException>(() => TokenizerLoader.Load(folder.Path));

        Assert.StartsWith(path + ":", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MalformedTokenizerConfig_ThrowsInvalidDataNamingTheFile()
    {
        using var folder = new TempDirectory();
        folder.WriteText("vocab.txt", "[UNK]\n[CLS]\n[SEP]\n");
        var path = folder.WriteText("tokenizer_config.json", """{"do_lower_case": "yes"}""");

        var ex = Assert.Throws<InvalidDataException>(() => TokenizerLoader.Load(folder.Path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("do_lower_case", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_VocabWithoutUnknownToken_ThrowsInvalidDataNamingTheFile()
    {
        using var folder = new TempDirectory();
        var path = folder.WriteText("vocab.txt", "[CLS]\n[SEP]\nhello\n");

        var ex = Assert.Throws<InvalidDataException>(() => TokenizerLoader.Load(folder.Path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("[UNK]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FolderWithoutTokenizer_ThrowsFileNotFound()
    {
        using var folder = new TempDirectory();
        folder.WriteText("config.json", "{}");

        var ex = Assert.Throws<FileNotFoundException>(() => TokenizerLoader.Load(folder.Path));

        Assert.Contains("tokenizer.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("vocab.txt", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFolder_ThrowsDirectoryNotFound()
    {
        using var folder = new TempDirectory();

        Assert.Throws<DirectoryNotFoundException>(() => TokenizerLoader.Load(folder.Combine("absent")));
    }

    [Theory]
    [InlineData("tiny-unigram-variant")] // NFKC
    [InlineData("tiny-wordpiece-variant")] // NFD
    [InlineData("tiny-unigram-nfkc")] // precompiled charsmap
    public void Encode_NoncharacterThatDotNetCannotNormalize_TokenizesTheRest(string folder)
    {
        var tokenizer = TokenizerLoader.Load(GoldenCases.TestDataPath(folder));

        var plain = tokenizer.Encode("words before and after", 64).InputIds;
        var hostile = tokenizer.Encode("words before\uFFFE and after\uFFFE", 64).InputIds;

        // string.Normalize throws on U+FFFE; the text around it is still tokenized.
        Assert.True(hostile.Length >= plain.Length, $"{hostile.Length} ids for the text with U+FFFE, {plain.Length} without");
    }
}
