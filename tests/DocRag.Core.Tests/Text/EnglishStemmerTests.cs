using DocRag.Core.Text;

namespace DocRag.Core.Tests.Text;

public sealed class EnglishStemmerTests
{
    [Fact]
    public void Stem_MatchesReferenceImplementationForEveryGoldenWord()
    {
        Assert.True(GoldenStems.Load("english-stems.tsv").Count > 4000);
        var mismatches = GoldenStems.Mismatches("english-stems.tsv", EnglishStemmer.Stem);
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches.Take(50)));
    }
}
