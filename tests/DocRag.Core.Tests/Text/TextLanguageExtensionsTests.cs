using DocRag.Core.Text;

namespace DocRag.Core.Tests.Text;

public sealed class TextLanguageExtensionsTests
{
    [Theory]
    [InlineData(TextLanguage.English, "en")]
    [InlineData(TextLanguage.Spanish, "es")]
    [InlineData(TextLanguage.Other, "other")]
    public void ToCode_RoundTripsThroughParse(TextLanguage language, string code)
    {
        Assert.Equal(code, language.ToCode());
        Assert.Equal(language, TextLanguageExtensions.ParseLanguageCode(code));
    }

    [Theory]
    [InlineData(" EN ", TextLanguage.English)]
    [InlineData("es", TextLanguage.Spanish)]
    [InlineData("de", TextLanguage.Other)]
    [InlineData(null, TextLanguage.Other)]
    public void ParseLanguageCode_AnyCodeMapsToALanguage(string? code, TextLanguage expected) =>
        Assert.Equal(expected, TextLanguageExtensions.ParseLanguageCode(code));
}
