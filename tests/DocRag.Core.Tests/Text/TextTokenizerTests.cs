using DocRag.Core.Text;

namespace DocRag.Core.Tests.Text;

public sealed class TextTokenizerTests
{
    private static string Describe(string text) =>
        string.Join(" | ", TextTokenizer.Tokenize(text).Select(u => $"{u.Kind}:{string.Join(' ', u.Parts)}"));

    [Theory]
    [InlineData("Hello, World!", "Word:hello | Word:world")]
    [InlineData("T-cells and/or B-cells", "Compound:t cells | Compound:and or | Compound:b cells")]
    [InlineData("state-of-the-art", "Compound:state of the art")]
    [InlineData("COVID-19 IL-6", "Compound:covid 19 | Compound:il 6")]
    [InlineData("Q4_K_M", "Literal:q4 k m")]
    [InlineData("llama.cpp node.js", "Literal:llama cpp | Literal:node js")]
    [InlineData("7B p53 H2O", "Literal:7b | Literal:p53 | Literal:h2o")]
    [InlineData("3.5 GHz, 1,000 genomes, 10:30", "Literal:3 5 | Word:ghz | Literal:1 000 | Word:genomes | Literal:10 30")]
    [InlineData("a,b a:b", "Word:a | Word:b | Word:a | Word:b")] // comma and colon join digits only
    [InlineData("foo@bar.com AT&T", "Literal:foo bar com | Literal:at t")]
    [InlineData("end. Next--word", "Word:end | Word:next | Word:word")]
    [InlineData("...leading _under trailing_", "Word:leading | Word:under | Word:trailing")]
    public void Tokenize_SplitsAndJoinsAsDocumented(string text, string expected) =>
        Assert.Equal(expected, Describe(text));

    [Theory]
    [InlineData("the patient's data", "Word:the | Word:patient | Word:data")]
    [InlineData("the patient’s data", "Word:the | Word:patient | Word:data")]
    [InlineData("don't we'll they're I'd", "Word:don | Word:we | Word:they | Word:i")]
    [InlineData("l'eau O'Reilly", "Compound:l eau | Compound:o reilly")]
    public void Tokenize_Apostrophes_DropsEnglishCliticsAndJoinsTheRest(string text, string expected) =>
        Assert.Equal(expected, Describe(text));

    [Theory]
    [InlineData("ﬁnancial ﬂow", "Word:financial | Word:flow")] // PDF ligatures
    [InlineData("ＦＵＬＬ ｗｉｄｔｈ", "Word:full | Word:width")]
    [InlineData("Ǆemal", "Word:džemal")]
    [InlineData("cafe\u0301", "Word:café")] // decomposed accent composed by NFKC
    public void Tokenize_NormalisesCompatibilityForms(string text, string expected) =>
        Assert.Equal(expected, Describe(text));

    [Theory]
    [InlineData("東京都", "Cjk:東京 京都")]
    [InlineData("猫", "Cjk:猫")]
    [InlineData("GPT模型很好", "Word:gpt | Cjk:模型 型很 很好")]
    [InlineData("東京、大阪", "Cjk:東京 | Cjk:大阪")]
    [InlineData("한국어 문서", "Cjk:한국 국어 | Cjk:문서")]
    public void Tokenize_Cjk_BecomesBigrams(string text, string expected) =>
        Assert.Equal(expected, Describe(text));

    [Theory]
    [InlineData("")]
    [InlineData("   \t\n ")]
    [InlineData("?!... -- ** () \"\" ''")]
    [InlineData("\u0301\u0301")] // marks with no letter before them
    public void Tokenize_NothingSearchable_ReturnsNoUnits(string text) =>
        Assert.Empty(TextTokenizer.Tokenize(text));

    [Fact]
    public void Tokenize_IllFormedUtf16_DoesNotThrow() =>
        Assert.Equal("Word:a | Word:b", Describe("a\ud800b"));

    [Fact]
    public void Tokenize_NoncharacterThatDotNetCannotNormalize_DoesNotThrow() =>
        Assert.Equal("Word:a | Word:b", Describe("a\uFFFEb")); // string.Normalize throws on U+FFFE

    [Fact]
    public void Tokenize_KeepsCombiningMarksInsideWords() =>
        Assert.Equal("Word:हिन्दी", Describe("हिन्दी"));

    [Fact]
    public void Tokenize_CapitalisedWordInsideASentence_IsName()
    {
        var units = TextTokenizer.Tokenize("Where did Nikola Tesla live? Tesla moved. in Madrid");
        Assert.Equal(
            [false, false, true, true, false, false, false, false, true],
            units.Select(u => u.IsName).ToArray());
    }
}
