using System.Numerics.Tensors;

namespace DocRag.Bench;

/// <summary>The timed batches of the embedding benchmark, one triple per turn.</summary>
internal sealed class Samples
{
    public List<double> DocRag { get; } = [];

    public List<double> Binding { get; } = [];

    public List<double> Node { get; } = [];

    public float MinCosine { get; private set; } = 1f;

    public void Add(double docrag, double binding, double node, float[] docragFirst, float[] nodeFirst)
    {
        DocRag.Add(docrag);
        Binding.Add(binding);
        Node.Add(node);
        MinCosine = Math.Min(MinCosine, TensorPrimitives.CosineSimilarity(docragFirst, nodeFirst));
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>The median over turns of node's time divided by ours (above 1: ours is faster).</summary>
    public static double PairedRatio(List<double> ours, List<double> node) => Median(ours.Select((t, i) => node[i] / t));
}
