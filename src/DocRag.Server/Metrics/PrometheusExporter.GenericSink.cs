using System.Diagnostics.Metrics;
using System.Globalization;

namespace DocRag.Server.Metrics;

public sealed partial class PrometheusExporter
{
    /// <summary>Exports one DocRag instrument as is: tags become labels, the kind decides how values add up.</summary>
    private sealed class GenericSink : IMeasurementSink
    {
        private readonly MetricFamily _family;
        private readonly Action<MetricSeries, double> _record;

        private GenericSink(MetricFamily family, Action<MetricSeries, double> record)
        {
            _family = family;
            _record = record;
        }

        public static GenericSink? For(Instrument instrument, PrometheusExporter exporter)
        {
            var definition = instrument.GetType().IsGenericType ? instrument.GetType().GetGenericTypeDefinition() : null;
            (MetricKind kind, Action<MetricSeries, double> record)? shape = definition switch
            {
                _ when definition == typeof(Counter<>) => (MetricKind.Counter, static (s, v) => s.Add(v)),
                _ when definition == typeof(UpDownCounter<>) => (MetricKind.Gauge, static (s, v) => s.Add(v)),
                _ when definition == typeof(Gauge<>) => (MetricKind.Gauge, static (s, v) => s.Set(v)),
                // Observable instruments report their current (cumulative) value each time they are read.
                _ when definition == typeof(ObservableCounter<>) => (MetricKind.Counter, static (s, v) => s.Set(v)),
                _ when definition == typeof(ObservableGauge<>) || definition == typeof(ObservableUpDownCounter<>) =>
                    (MetricKind.Gauge, static (s, v) => s.Set(v)),
                _ when definition == typeof(Histogram<>) => (MetricKind.Histogram, null!),
                _ => null,
            };
            if (shape is not { } known)
            {
                return null;
            }

            var family = exporter.Family(PrometheusNames.MetricName(instrument, known.kind), instrument.Description ?? instrument.Name,
                known.kind, BucketsOf(instrument));
            return new GenericSink(family, known.kind == MetricKind.Histogram ? (s, v) => s.Observe(v, family.Bounds) : known.record);
        }

        public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var labels = new List<KeyValuePair<string, string>>(tags.Length);
            foreach (var (key, tag) in tags)
            {
                labels.Add(new(PrometheusNames.LabelName(key), Convert.ToString(tag, CultureInfo.InvariantCulture) ?? ""));
            }

            labels.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
            _record(_family.GetSeries(labels), value);
        }

        private static IReadOnlyList<double>? BucketsOf(Instrument instrument) => instrument switch
        {
            Histogram<double> h => h.Advice?.HistogramBucketBoundaries,
            Histogram<long> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToList(),
            Histogram<int> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToList(),
            _ => null,
        };
    }
}
