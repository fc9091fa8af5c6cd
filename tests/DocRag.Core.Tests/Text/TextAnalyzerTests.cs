using DocRag.Core.Text;

namespace DocRag.Core.Tests.Text;

public sealed class TextAnalyzerTests
{
    private static readonly TextAnalyzer Analyzer = TextAnalyzer.Default;

    [Theory]
    [InlineData("The patients were running quickly through the hospitals", TextLanguage.English, "patient run quick hospit")]
    [InlineData("Café naïve", TextLanguage.English, "cafe naiv")] // folded, then stemmed
    [InlineData("Los niños cantaban canciones en la estación", TextLanguage.Spanish, "nin cant cancion estacion")]
    [InlineData("Haciéndola rápidamente", TextLanguage.Spanish, "hac rapid")] // stemmed with accents, then folded
    [InlineData("Die Katzen schlafen auf dem Sofa", TextLanguage.Other, "die katzen schlafen auf dem sofa")]
    [InlineData("The Who", TextLanguage.Other, "the who")] // no stop words for Other
    public void ForIndex_AnalysesInTheDocumentsLanguage(string text, TextLanguage language, string expected) =>
        Assert.Equal(expected, Analyzer.ForIndex(text, language));

    [Theory]
    [InlineData("aplicación", "aplicacion", "aplicaciones")] // -ación without its accent stems like -ación
    [InlineData("solución", "solucion", "soluciones")]
    [InlineData("canción", "cancion", "canciones")]
    [InlineData("nación", "nacion", "naciones")]
    public void ForIndex_SpanishWithAndWithoutAccents_SameTerm(string accented, string unaccented, string plural)
    {
        var expected = Analyzer.ForIndex(accented, TextLanguage.Spanish);
        Assert.Equal(expected, Analyzer.ForIndex(unaccented, TextLanguage.Spanish));
        Assert.Equal(expected, Analyzer.ForIndex(plural, TextLanguage.Spanish));
    }

    [Theory]
    [InlineData("models.py Q4_K_M 7B llama.cpp 3.5", "models py q4 k m 7b llama cpp 3 5")] // literals never stemmed
    [InlineData("COVID-19 running-shoes T-cells", "covid 19 run shoe t cell")] // compound words stemmed, numbers kept
    [InlineData("state-of-the-art", "state art")]
    public void ForIndex_CodesAndNumbersStaySearchable(string text, string expected) =>
        Assert.Equal(expected, Analyzer.ForIndex(text, TextLanguage.English));

    [Fact]
    public void ForIndex_Switches_TurnStopWordsAndStemmingOff()
    {
        const string Text = "The patients were running";
        Assert.Equal("the patient were run", new TextAnalyzer(removeStopWords: false).ForIndex(Text, TextLanguage.English));
        Assert.Equal("patients running", new TextAnalyzer(stem: false).ForIndex(Text, TextLanguage.English));
    }

    [Fact]
    public void Terms_AreForIndexInOrder() =>
        Assert.Equal(
            Analyzer.ForIndex("Running dogs chase cats", TextLanguage.English).Split(' '),
            Analyzer.Terms("Running dogs chase cats", TextLanguage.English));

    [Theory]
    [InlineData("")]
    [InlineData("    ")]
    [InlineData("?!... -- ()")]
    [InlineData("\"\"")]
    [InlineData("* : ^")]
    public void ForQuery_NothingSearchable_ReturnsNull(string query) => Assert.Null(Analyzer.ForQuery(query));

    [Fact]
    public void ForQuery_EnglishQuery_DropsEnglishStopWordsAndMatchesEnglishAndPlainForms()
    {
        var query = Analyzer.ForQuery("Which rates are higher in the hospitals?")!;
        Assert.Equal(TextLanguage.English, query.Language);
        Assert.Equal(["rates", "higher", "hospitals"], query.Clauses.Select(c => c.Text));
        Assert.Equal(["rate", "rates"], query.Clauses[0].Variants); // not the Spanish stem "rat"
        Assert.Equal(["higher"], query.Clauses[1].Variants); // not the Spanish stem "high"
    }

    [Fact]
    public void ForQuery_SpanishQuery_DropsSpanishStopWordsAndMatchesSpanishAndPlainForms()
    {
        var query = Analyzer.ForQuery("¿Cuántos puntos cedió la defensa de los Panthers?")!;
        Assert.Equal(TextLanguage.Spanish, query.Language);
        Assert.Equal(["puntos", "cedio", "defensa", "panthers"], query.Clauses.Select(c => c.Text));
        Assert.Equal(["punt", "puntos"], query.Clauses[0].Variants);
        Assert.Contains("panther", query.Clauses[3].Variants); // a name also gets the English stem
    }

    [Fact]
    public void ForQuery_NameInEnglishQuery_AlsoMatchesItsSpanishStem()
    {
        // Spanish documents store "Tesla" as "tesl": an English question about them must still find it.
        var query = Analyzer.ForQuery("Where did Tesla die?")!;
        Assert.Equal(["tesla", "tesl"], query.Clauses.Single(c => c.Text == "tesla").Variants);
    }

    [Fact]
    public void ForQuery_UncertainLanguage_DropsStopWordsOfBothListsAndMatchesEveryForm()
    {
        var query = Analyzer.ForQuery("la casa")!;
        Assert.Equal(TextLanguage.Other, query.Language);
        var clause = Assert.Single(query.Clauses);
        Assert.Equal(["casa", "cas"], clause.Variants);
    }

    [Fact]
    public void ForQuery_OnlyStopWords_KeepsThemRatherThanReturnNothing()
    {
        var query = Analyzer.ForQuery("The Who")!;
        Assert.Equal(["the", "who"], query.Clauses.Select(c => c.Text));
    }

    [Fact]
    public void ForQuery_CompoundsAndCodes_BecomePhrases()
    {
        var query = Analyzer.ForQuery("llama.cpp Q4_K_M")!;
        Assert.Equal(["llama cpp", "q4 k m"], query.Clauses.SelectMany(c => c.Variants));
        Assert.Equal(["llama", "cpp", "q4", "k", "m"], query.Terms);
    }

    [Fact]
    public void ForQuery_RepeatedWord_OneClause() =>
        Assert.Single(Analyzer.ForQuery("cell cell CELL")!.Clauses);

    [Fact]
    public void ForQuery_VeryLongQuery_KeepsTheFirstClauses()
    {
        var query = Analyzer.ForQuery(string.Join(' ', Enumerable.Range(0, 500).Select(i => $"word{i}")))!;
        Assert.Equal(TextAnalyzer.MaxQueryClauses, query.Clauses.Count);
        Assert.Equal("word0", query.Clauses[0].Text);
    }

    [Fact]
    public void ForQuery_Terms_AreIndexFormsOfEveryVariant()
    {
        var query = Analyzer.ForQuery("Where did Tesla die?")!;
        Assert.Equal(["tesla", "tesl", "die"], query.Terms);
    }
}
