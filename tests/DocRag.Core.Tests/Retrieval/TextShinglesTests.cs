using DocRag.Core.Retrieval;

namespace DocRag.Core.Tests.Retrieval;

public sealed class TextShinglesTests
{
    [Fact]
    public void Jaccard_SameWordsDifferentCaseAndAccents_IsOne()
    {
        var a = new TextShingles("La canción del verano, otra vez.");
        var b = new TextShingles("la CANCION del verano otra vez");

        Assert.Equal(1.0, a.Jaccard(b));
    }

    [Fact]
    public void Jaccard_UnrelatedTexts_IsZero()
    {
        var a = new TextShingles("The budget meeting moved to Tuesday afternoon.");
        var b = new TextShingles("Penguins live in the southern hemisphere mostly.");

        Assert.Equal(0.0, a.Jaccard(b));
    }

    [Fact]
    public void Jaccard_OneSentenceAppended_IsHigh()
    {
        const string Text = "Install the package first, then run the tool with a folder. The tool indexes every file it finds there.";
        var a = new TextShingles(Text);
        var b = new TextShingles(Text + " It is done.");

        Assert.InRange(a.Jaccard(b), 0.8, 0.99);
    }

    [Fact]
    public void Jaccard_ShortTexts_CompareAsWholes()
    {
        Assert.Equal(1.0, new TextShingles("Hello world").Jaccard(new TextShingles("hello, world!")));
        Assert.Equal(0.0, new TextShingles("Hello world").Jaccard(new TextShingles("hello there")));
    }
}
