using DocRag.Core.Text;

namespace DocRag.Core.Tests.Text;

public sealed class StopWordsTests
{
    [Theory]
    [InlineData("the", TextLanguage.English)]
    [InlineData("which", TextLanguage.English)]
    [InlineData("don", TextLanguage.English)] // what "don't" leaves
    [InlineData("de", TextLanguage.Spanish)]
    [InlineData("mas", TextLanguage.Spanish)] // "más" folded
    [InlineData("que", TextLanguage.Spanish)] // "qué" folded
    [InlineData("cuantos", TextLanguage.Spanish)]
    [InlineData("fueron", TextLanguage.Spanish)]
    public void IsStopWord_CommonFunctionWord_True(string word, TextLanguage language) =>
        Assert.True(StopWords.IsStopWord(word, language));

    [Theory]
    [InlineData("can", TextLanguage.English)] // modest lists: these carry meaning
    [InlineData("will", TextLanguage.English)]
    [InlineData("d", TextLanguage.English)] // vitamin D
    [InlineData("t", TextLanguage.English)] // T cells
    [InlineData("estado", TextLanguage.Spanish)] // Estados Unidos
    [InlineData("estados", TextLanguage.Spanish)]
    [InlineData("tiene", TextLanguage.Spanish)]
    [InlineData("the", TextLanguage.Spanish)]
    [InlineData("de", TextLanguage.English)]
    [InlineData("the", TextLanguage.Other)]
    [InlineData("die", TextLanguage.Other)]
    public void IsStopWord_MeaningfulOrOtherLanguage_False(string word, TextLanguage language) =>
        Assert.False(StopWords.IsStopWord(word, language));

    [Theory]
    [InlineData(TextLanguage.English)]
    [InlineData(TextLanguage.Spanish)]
    public void For_ListsAreFoldedAndModest(TextLanguage language)
    {
        var words = StopWords.For(language);
        Assert.InRange(words.Count, 100, 300);
        Assert.All(words, w => Assert.Equal(TextFolding.Fold(w), w));
    }

    [Fact]
    public void For_Other_IsEmpty() => Assert.Empty(StopWords.For(TextLanguage.Other));
}
