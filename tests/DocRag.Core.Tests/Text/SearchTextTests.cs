using DocRag.Core.Text;

namespace DocRag.Core.Tests.Text;

/// <summary>Index and query analysis together, against a real SQLite FTS5 table (<see cref="SearchTextCorpus"/>).</summary>
public sealed class SearchTextTests(SearchTextCorpus corpus) : IClassFixture<SearchTextCorpus>
{
    private readonly FtsTestIndex _index = corpus.Index;

    [Theory]
    [InlineData("patient runs", 1)] // English stems on both sides
    [InlineData("vaccine", 1)]
    [InlineData("covid", 1)]
    [InlineData("COVID-19", 1)]
    [InlineData("canción", 2)] // Spanish stems, accents folded after stemming
    [InlineData("cancion", 2)] // the same without the accent
    [InlineData("ACCION gobiernos", 2)]
    [InlineData("Katzen", 3)] // other languages: plain folded words
    [InlineData("q4_k_m", 4)]
    [InlineData("Q4-K-M", 4)] // the same parts, other joiners
    [InlineData("7B", 4)]
    [InlineData("llama.cpp", 4)]
    [InlineData("llama", 4)]
    [InlineData("東京", 5)]
    [InlineData("東京都", 5)]
    [InlineData("Where did Tesla work?", 6)] // an English question finds the Spanish-stemmed name
    [InlineData("madrid", 2)] // a query of unknown language tries the Spanish stem too
    public void Find_MatchesAcrossIndexAndQueryAnalysis(string query, long expected) =>
        Assert.Equal(expected, _index.Find(query).FirstOrDefault());

    [Theory]
    [InlineData("\"")]
    [InlineData("\"unterminated phrase")]
    [InlineData("a\" OR \"b")]
    [InlineData("cats AND dogs")]
    [InlineData("cats OR")]
    [InlineData("NOT cats")]
    [InlineData("NEAR(cats dogs, 2)")]
    [InlineData("cats NEAR dogs")]
    [InlineData("text: cats")]
    [InlineData("{text}: cats")]
    [InlineData("- cats")]
    [InlineData("^cats")]
    [InlineData("cat*")]
    [InlineData("(cats OR (dogs")]
    [InlineData(")) AND ((")]
    [InlineData("'; DROP TABLE chunks; --")]
    [InlineData("cats\0dogs")]
    [InlineData("cats\u200bdogs")] // zero-width space
    [InlineData("\u202ecats\u202c")] // bidi override
    [InlineData("🙂 cats 🐈")]
    [InlineData("\ud800cats")] // lone surrogate
    [InlineData("\uFFFEcats\uFFFF")] // noncharacters (string.Normalize throws on U+FFFE)
    [InlineData("\u0301cats")]
    [InlineData("AND")]
    [InlineData("OR NOT AND NEAR")]
    public void ForQuery_HostileInput_IsNeverFtsSyntax(string userQuery)
    {
        var query = SearchText.ForQuery(userQuery);
        if (query is null)
        {
            return;
        }

        // Both expressions run without an FTS5 syntax error, whatever the user typed.
        _index.Search(query.MatchAny);
        _index.Search(query.MatchAll);
        Assert.All(query.Terms, t => Assert.DoesNotContain('"', t));
    }

    [Fact]
    public void ForQuery_OperatorWordsInUserText_AreSearchedAsWords()
    {
        Assert.Equal([7L], _index.Find("NEAR operator"));
        Assert.Equal(7L, _index.Find("cats AND dogs").First());
    }

    [Fact]
    public void ForQuery_VeryLongQuery_RunsAgainstTheIndex()
    {
        var query = SearchText.ForQuery(string.Concat(Enumerable.Repeat("patients running vaccines trials ", 1000)) + string.Join(' ', Enumerable.Range(0, 2000)))!;
        Assert.Contains(1L, _index.Search(query.MatchAny));
    }

    [Fact]
    public void ForQuery_ManyCompoundClausesWithEveryVariant_RunsAgainstTheIndex()
    {
        // The largest expression a query can make: every clause a compound with English, Spanish and plain forms.
        static string Letters(int i) => $"{(char)('a' + (i / 26))}{(char)('a' + (i % 26))}";
        var words = Enumerable.Range(0, 100).Select(i => $"{Letters(i)}cantaban-{Letters(i)}corriendo-{Letters(i)}studies");
        var query = SearchText.ForQuery(string.Join(' ', words))!;
        Assert.Equal(TextAnalyzer.MaxQueryClauses, query.Clauses.Count);
        Assert.True(query.MatchAny.Split(" OR ").Length > 500);
        _index.Search(query.MatchAny);
        _index.Search(query.MatchAll);
    }

    [Fact]
    public void MatchAll_RequiresEveryClause()
    {
        Assert.Equal([1L], _index.Search(SearchText.ForQuery("running vaccines")!.MatchAll));
        Assert.Empty(_index.Search(SearchText.ForQuery("running Katzen")!.MatchAll));
        Assert.Superset(new HashSet<long> { 1, 3 }, _index.Search(SearchText.ForQuery("running Katzen")!.MatchAny).ToHashSet());
    }

    [Fact]
    public void Words_AreFoldedLowerCaseParts() =>
        Assert.Equal(["the", "cafe", "q4", "k", "m", "7b"], SearchText.Words("The café's Q4_K_M 7B"));
}
