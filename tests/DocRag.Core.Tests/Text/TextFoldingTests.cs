using DocRag.Core.Text;

namespace DocRag.Core.Tests.Text;

public sealed class TextFoldingTests
{
    [Theory]
    [InlineData("café", "cafe")]
    [InlineData("naïve", "naive")]
    [InlineData("ñandú", "nandu")]
    [InlineData("acción", "accion")]
    [InlineData("straße", "strasse")]
    [InlineData("łódź", "lodz")]
    [InlineData("æther", "aether")]
    [InlineData("øre", "ore")]
    [InlineData("άλφα", "αλφα")] // Greek tonos folds too
    [InlineData("ёлка", "елка")] // Cyrillic diaeresis
    [InlineData("plain", "plain")]
    public void Fold_RemovesDiacritics(string word, string expected) =>
        Assert.Equal(expected, TextFolding.Fold(word));

    [Theory]
    [InlineData("で")] // a Japanese voicing mark changes the word: kept
    [InlineData("한국어")] // Hangul syllables stay syllables
    [InlineData("東京")]
    public void Fold_LeavesOtherScriptsAlone(string word) =>
        Assert.Equal(word, TextFolding.Fold(word));

    [Fact]
    public void Fold_StrayCombiningAccentIsDropped() =>
        Assert.Equal("cafe", TextFolding.Fold("cafe\u0301"));

    [Fact]
    public void Fold_LoneSurrogate_DoesNotThrow() =>
        Assert.Equal("a\ud800b", TextFolding.Fold("a\ud800b"));

    [Theory]
    [InlineData("acción", "acción")]
    [InlineData("pingüino", "pingüino")]
    [InlineData("niño", "niño")]
    [InlineData("àçè", "ace")] // not Spanish letters: folded
    public void FoldForSpanish_KeepsTheLettersTheSpanishStemmerReads(string word, string expected) =>
        Assert.Equal(expected, TextFolding.FoldForSpanish(word));
}
