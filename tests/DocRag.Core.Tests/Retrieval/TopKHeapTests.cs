using DocRag.Core.Retrieval;

namespace DocRag.Core.Tests.Retrieval;

public sealed class TopKHeapTests
{
    [Fact]
    public void Offer_KeepsTheKBestOfAnyOrder()
    {
        var random = new Random(7);
        var scores = Enumerable.Range(0, 500).Select(_ => (float)random.NextDouble()).ToArray();
        var heap = new TopKHeap(12);
        for (var i = 0; i < scores.Length; i++)
        {
            heap.Offer(scores[i], i);
        }

        var expected = scores.Select((s, i) => (s, i)).OrderByDescending(x => x.s).Take(12).Select(x => x.i).Order();
        Assert.Equal(expected, heap.Items().Select(x => x.Row).Order());
        Assert.Equal(scores.OrderDescending().ElementAt(11), heap.Threshold);
    }

    [Fact]
    public void Threshold_BeforeFull_AdmitsAnything()
    {
        var heap = new TopKHeap(3);
        heap.Offer(0.5f, 0);

        Assert.Equal(float.NegativeInfinity, heap.Threshold);
        Assert.Equal(1, heap.Count);
    }
}
