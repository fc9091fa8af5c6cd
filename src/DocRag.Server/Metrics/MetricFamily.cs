using System.Collections.Concurrent;

namespace DocRag.Server.Metrics;

/// <summary>A Prometheus metric family: name, help, type and its series by label set.</summary>
internal sealed class MetricFamily
{
    private readonly ConcurrentDictionary<string, MetricSeries> _series = new(StringComparer.Ordinal);

    public MetricFamily(string name, string help, MetricKind kind, IReadOnlyList<double>? bounds = null)
    {
        Name = name;
        Help = help;
        Kind = kind;
        Bounds = kind == MetricKind.Histogram ? bounds ?? PrometheusNames.DefaultBuckets : [];
    }

    public string Name { get; }

    public string Help { get; }

    public MetricKind Kind { get; }

    /// <summary>Histogram bucket upper bounds, ascending (without +Inf).</summary>
    public IReadOnlyList<double> Bounds { get; }

    public IEnumerable<MetricSeries> Series => _series.Values;

    /// <summary>The series for these labels (created on first use); <paramref name="labels"/> must be sorted by name.</summary>
    public MetricSeries GetSeries(IReadOnlyList<KeyValuePair<string, string>> labels)
    {
        var key = string.Join('\u001f', labels.Select(l => l.Key + '\u001e' + l.Value));
        return _series.GetOrAdd(key, static (_, state) => new MetricSeries(state.labels, state.buckets),
            (labels, buckets: Kind == MetricKind.Histogram ? Bounds.Count + 1 : 0));
    }
}
