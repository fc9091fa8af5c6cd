using DocRag.Core.Text;

namespace DocRag.Core.Tests.Text;

public sealed class SpanishStemmerTests
{
    [Fact]
    public void Stem_MatchesReferenceImplementationForEveryGoldenWord()
    {
        Assert.True(GoldenStems.Load("spanish-stems.tsv").Count > 4000);
        var mismatches = GoldenStems.Mismatches("spanish-stems.tsv", SpanishStemmer.Stem);
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches.Take(50)));
    }
}
