using DocRag.Core.Generation;

namespace DocRag.Core.Tests.Generation;

public sealed class StopSequenceMatcherTests
{
    [Fact]
    public void Append_NoStops_PassesTextThrough()
    {
        var matcher = new StopSequenceMatcher([]);

        Assert.Equal("abc", matcher.Append("abc"));
        Assert.Equal(string.Empty, matcher.Flush());
    }

    [Fact]
    public void Append_StopSplitAcrossPieces_NeverLeaksAndStops()
    {
        var matcher = new StopSequenceMatcher(["</answer>"]);

        var emitted = matcher.Append("The end.</an") + matcher.Append("swer> trailing");

        Assert.Equal("The end.", emitted);
        Assert.True(matcher.Stopped);
        Assert.Equal(string.Empty, matcher.Append("more"));
    }

    [Fact]
    public void Append_PrefixThatDoesNotComplete_IsReleased()
    {
        var matcher = new StopSequenceMatcher(["STOP"]);

        var first = matcher.Append("a ST");
        var second = matcher.Append("ORY");

        Assert.Equal("a ", first);
        Assert.Equal("STORY", second);
        Assert.False(matcher.Stopped);
    }

    [Fact]
    public void Append_SeveralStops_CutsAtEarliest()
    {
        var matcher = new StopSequenceMatcher(["\n\n", "Question:"]);

        Assert.Equal("Answer", matcher.Append("Answer\n\nQuestion: next"));
    }

    [Fact]
    public void Flush_HeldPrefixAtEnd_IsReturned()
    {
        var matcher = new StopSequenceMatcher(["###"]);

        Assert.Equal("text ", matcher.Append("text ##"));
        Assert.Equal("##", matcher.Flush());
    }
}
