using DocRag.Core.Retrieval;
using DocRag.Core.Text;

namespace DocRag.Core.Tests.Retrieval;

public sealed class ProximityQueryTests
{
    [Fact]
    public void Build_PairsAdjacentWordsAfterStopWords()
    {
        var query = SearchText.ForQuery("the role of p53 in apoptosis")!;

        var match = ProximityQuery.Build(query);

        Assert.Equal("\"role p53\" OR \"p53 apoptosi\" OR \"p53 apoptosis\"", match);
    }

    [Fact]
    public void Build_SpanishQuery_PairsSpanishStems()
    {
        var match = ProximityQuery.Build(SearchText.ForQuery("¿Cuál es el pico más alto de España?")!);

        Assert.Contains("\"pic alto\"", match, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_OneWord_HasNoPairs()
    {
        Assert.Null(ProximityQuery.Build(SearchText.ForQuery("penguins")!));
    }
}
