using DocRag.Core.Answering;
using DocRag.Core.Text;

namespace DocRag.Core.Tests.Answering;

public sealed class SentenceMatcherTests
{
    private const string Text = "Our office is in Madrid. The warranty lasts two years. Returns take 30 days. Warranty claims need the receipt and the warranty card.";

    [Fact]
    public void Best_KeepsMatchingSentencesInTextOrder_BestFirstWhenCut()
    {
        var terms = SentenceMatcher.QueryTerms("What does a warranty claim need?");

        Assert.Equal(["The warranty lasts two years.", "Warranty claims need the receipt and the warranty card."], SentenceMatcher.Best(Text, TextLanguage.English, terms, 3));
        Assert.Equal(["Warranty claims need the receipt and the warranty card."], SentenceMatcher.Best(Text, TextLanguage.English, terms, 1));
    }

    [Fact]
    public void Best_SpanishStemsMatch()
    {
        var terms = SentenceMatcher.QueryTerms("¿Cuánto duran las garantías?");

        Assert.Equal(["La garantía dura dos años."], SentenceMatcher.Best("La oficina está en Lima. La garantía dura dos años.", TextLanguage.Spanish, terms, 3));
    }

    [Fact]
    public void Best_LinesThatRepeatAHeading_AreNotSentences()
    {
        var terms = SentenceMatcher.QueryTerms("How long is the warranty?");

        var best = SentenceMatcher.Best("Warranty\nDuration\nThe warranty lasts two years.", TextLanguage.English, terms, 3, ["Warranty", "Duration"]);

        Assert.Equal(["The warranty lasts two years."], best);
    }

    [Fact]
    public void Best_NoCommonTerm_Empty() =>
        Assert.Empty(SentenceMatcher.Best(Text, TextLanguage.English, SentenceMatcher.QueryTerms("¿Dónde aparcar la bicicleta?"), 3));

    [Fact]
    public void Snippet_NoMatch_StartOfThePassageCutAtAWord()
    {
        var snippet = SentenceMatcher.Snippet(Text, TextLanguage.English, SentenceMatcher.QueryTerms("bicycle"), 40);

        Assert.Equal("Our office is in Madrid. The warranty…", snippet);
    }
}
