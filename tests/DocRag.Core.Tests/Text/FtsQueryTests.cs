using DocRag.Core.Text;

namespace DocRag.Core.Tests.Text;

public sealed class FtsQueryTests
{
    [Theory]
    [InlineData("cat", "\"cat\"")]
    [InlineData("q4 k m", "\"q4 k m\"")]
    [InlineData("a\"b", "\"a\"\"b\"")]
    [InlineData("OR", "\"OR\"")]
    public void Quote_MakesAnFtsStringLiteral(string phrase, string expected) =>
        Assert.Equal(expected, FtsQuery.Quote(phrase));

    [Fact]
    public void MatchExpressions_CombineClausesAndVariants()
    {
        var query = TextAnalyzer.Default.ForQuery("T-cells Tesla")!;
        Assert.Equal("\"t cell\" OR \"t\" OR \"cell\" OR \"t cells\" OR \"cells\" OR \"tesla\" OR \"tesl\"", query.MatchAny);
        Assert.Equal("(\"t cell\" OR \"t cells\") AND (\"tesla\" OR \"tesl\")", query.MatchAll);
        Assert.Equal(query.MatchAll, query.ToMatchExpression(FtsMatchMode.All));
        Assert.Equal(query.MatchAny, query.ToMatchExpression(FtsMatchMode.Any));
    }
}
