using DocRag.Core.Answering;

namespace DocRag.Core.Tests.Answering;

public sealed class CitationStreamFilterTests
{
    [Theory]
    [InlineData("Two years [1].", "Two years [1].", new[] { 1 }, new int[0])]
    [InlineData("Two years [1][2] and one [2].", "Two years [1][2] and one [2].", new[] { 1, 2 }, new int[0])]
    [InlineData("Two years [3, 1].", "Two years [3, 1].", new[] { 3, 1 }, new int[0])]
    [InlineData("Two years [1-3].", "Two years [1-3].", new[] { 1, 2, 3 }, new int[0])]
    [InlineData("Two years [7].", "Two years.", new int[0], new[] { 7 })]
    [InlineData("Two years [1, 7] and [0].", "Two years [1] and.", new[] { 1 }, new[] { 7, 0 })]
    [InlineData("Two years [2-5].", "Two years [2, 3].", new[] { 2, 3 }, new[] { 4, 5 })]
    [InlineData("See [note] and [] and [a1].", "See [note] and [] and [a1].", new int[0], new int[0])]
    [InlineData("Arrays like x[0] stay [", "Arrays like x stay [", new int[0], new[] { 0 })]
    [InlineData("  Leading and trailing  ", "  Leading and trailing  ", new int[0], new int[0])]
    public void Append_WholeText_KeepsGivenCitationsAndRemovesOthers(string text, string expected, int[] used, int[] removed)
    {
        var filter = new CitationStreamFilter(passageCount: 3);

        var output = filter.Append(text) + filter.Flush();

        Assert.Equal(expected, output);
        Assert.Equal(expected, filter.Text);
        Assert.Equal(used, filter.Used);
        Assert.Equal(removed, filter.Removed);
    }

    [Fact]
    public void Append_OneCharacterAtATime_SameTextAsInOnePiece()
    {
        const string text = "The warranty lasts two years [1] [9]. Batteries [2,3] are [x] covered [4-5]\n\n[3]";
        var whole = new CitationStreamFilter(3);
        var expected = whole.Append(text) + whole.Flush();
        var filter = new CitationStreamFilter(3);

        var pieces = text.Select(c => filter.Append(c.ToString())).Append(filter.Flush()).ToList();

        Assert.Equal(expected, string.Concat(pieces));
        Assert.Equal("The warranty lasts two years [1]. Batteries [2,3] are [x] covered\n\n[3]", expected);
        Assert.Equal(whole.Used, filter.Used);
    }

    [Fact]
    public void Append_OpenMarker_HeldUntilItCloses()
    {
        var filter = new CitationStreamFilter(3);

        Assert.Equal("Two years", filter.Append("Two years ["));
        Assert.Equal("", filter.Append("1"));
        Assert.Equal(" [1].", filter.Append("]."));
    }

    [Fact]
    public void Append_VeryLongBracket_IsNotAMarker()
    {
        var filter = new CitationStreamFilter(3);
        var digits = new string('1', 40);

        var output = filter.Append($"x [{digits}] y") + filter.Flush();

        Assert.Equal($"x [{digits}] y", output);
        Assert.Empty(filter.Used);
    }
}
