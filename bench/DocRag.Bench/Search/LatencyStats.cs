using System.Globalization;

namespace DocRag.Bench.Search;

/// <summary>Percentiles of a set of latencies in milliseconds (nearest rank).</summary>
internal sealed class LatencyStats(IEnumerable<double> milliseconds)
{
    private readonly double[] _sorted = milliseconds.Order().ToArray();

    public int Count => _sorted.Length;

    public double P50 => Percentile(50);

    public double P95 => Percentile(95);

    public double Mean => _sorted.Length == 0 ? double.NaN : _sorted.Average();

    public double Percentile(double p) =>
        _sorted.Length == 0 ? double.NaN : _sorted[Math.Clamp((int)Math.Ceiling(p / 100 * _sorted.Length) - 1, 0, _sorted.Length - 1)];

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{P50:F2} / {P95:F2}");
}
