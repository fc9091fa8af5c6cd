using DocRag.Core.Answering;
using DocRag.Core.Hosting;

namespace DocRag.Core.Tests.Answering;

public sealed class GenerationGateTests
{
    [Fact]
    public async Task Enter_SlotsThenQueueThenBusy_ReleasedSlotServesTheQueue()
    {
        using var gate = new GenerationGate(maxConcurrent: 1, maxQueued: 1, TimeSpan.FromSeconds(5));
        var first = await gate.EnterAsync();
        var queued = gate.EnterAsync();

        var busy = await Assert.ThrowsAsync<ServiceBusyException>(() => gate.EnterAsync());

        Assert.Equal(TimeSpan.FromSeconds(5), busy.RetryAfter);
        Assert.Equal(1, gate.Waiting);
        Assert.False(queued.IsCompleted);
        first.Dispose();
        first.Dispose(); // twice is harmless
        using var second = await queued;
        Assert.Equal(0, gate.Waiting);
    }

    [Fact]
    public async Task Enter_CancelledWhileQueued_LeavesTheQueue()
    {
        using var gate = new GenerationGate(1, 1, TimeSpan.FromSeconds(1));
        using var first = await gate.EnterAsync();
        using var cancel = new CancellationTokenSource();
        var queued = gate.EnterAsync(cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        Assert.Equal(0, gate.Waiting);
    }
}
