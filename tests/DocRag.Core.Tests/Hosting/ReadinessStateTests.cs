using DocRag.Core.Hosting;

namespace DocRag.Core.Tests.Hosting;

public sealed class ReadinessStateTests
{
    [Fact]
    public void New_IsReady() => Assert.True(new ReadinessState().IsReady);

    [Fact]
    public void SetNotReady_OldestReasonFirst_ReadyWhenAllDone()
    {
        var state = new ReadinessState();
        state.SetNotReady("embedder", "loading embedding model");
        state.SetNotReady("generator", "loading generator model");

        Assert.False(state.IsReady);
        Assert.Equal("loading embedding model", state.Current.Reason);

        state.SetReady("embedder");
        Assert.Equal("loading generator model", state.Current.Reason);

        state.SetReady("generator");
        Assert.True(state.IsReady);
        Assert.Equal("ready", state.Current.Reason);
    }

    [Fact]
    public void SetNotReady_SameComponentTwice_ReplacesReasonKeepsPlace()
    {
        var state = new ReadinessState();
        state.SetNotReady("index", "opening the index");
        state.SetNotReady("embedder", "loading embedding model");
        state.SetNotReady("index", "migrating the index");

        Assert.Equal([new("index", "migrating the index"), new PendingComponent("embedder", "loading embedding model")], state.Current.Pending);
    }

    [Fact]
    public void SetReady_UnknownComponent_NoChange()
    {
        var state = new ReadinessState();
        var before = state.Current;

        state.SetReady("nothing");

        Assert.Same(before, state.Current);
    }

    [Fact]
    public void Current_IsASnapshot()
    {
        var state = new ReadinessState();
        state.SetNotReady("embedder", "loading embedding model");
        var snapshot = state.Current;

        state.SetReady("embedder");

        Assert.False(snapshot.IsReady);
        Assert.True(state.Current.IsReady);
    }

    [Fact]
    public async Task ConcurrentUpdates_EndConsistent()
    {
        var state = new ReadinessState();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
        {
            for (var n = 0; n < 1000; n++)
            {
                state.SetNotReady($"c{i}", "loading");
                state.SetReady($"c{i}");
            }
        })));

        Assert.True(state.IsReady);
    }

    [Theory]
    [InlineData("", "reason")]
    [InlineData("component", " ")]
    public void SetNotReady_Blank_Throws(string component, string reason) =>
        Assert.ThrowsAny<ArgumentException>(() => new ReadinessState().SetNotReady(component, reason));
}
