namespace DocRag.Server.Metrics;

/// <summary>One labelled time series of a family: a value (counter, gauge) or bucket counts, sum and count (histogram).</summary>
internal sealed class MetricSeries
{
    private readonly Lock _lock = new();
    private readonly long[]? _bucketCounts;
    private double _value;
    private double _sum;
    private long _count;

    public MetricSeries(IReadOnlyList<KeyValuePair<string, string>> labels, int bucketCount)
    {
        Labels = labels;
        _bucketCounts = bucketCount > 0 ? new long[bucketCount] : null;
    }

    /// <summary>Label names and values, sorted by name.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Labels { get; }

    public void Add(double delta)
    {
        lock (_lock)
        {
            _value += delta;
        }
    }

    public void Set(double value)
    {
        lock (_lock)
        {
            _value = value;
        }
    }

    /// <summary>Counts <paramref name="value"/> in the first bucket whose upper bound holds it (the last is +Inf).</summary>
    public void Observe(double value, IReadOnlyList<double> bounds)
    {
        var index = 0;
        while (index < bounds.Count && value > bounds[index])
        {
            index++;
        }

        lock (_lock)
        {
            _bucketCounts![index]++;
            _sum += value;
            _count++;
        }
    }

    public double Value
    {
        get
        {
            lock (_lock)
            {
                return _value;
            }
        }
    }

    /// <summary>A consistent copy of the histogram: per-bucket (not cumulative) counts, sum and count.</summary>
    public (long[] Buckets, double Sum, long Count) SnapshotHistogram()
    {
        lock (_lock)
        {
            return ([.. _bucketCounts!], _sum, _count);
        }
    }
}
