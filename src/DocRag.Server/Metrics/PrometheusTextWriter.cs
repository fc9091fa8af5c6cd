using System.Globalization;
using System.Text;

namespace DocRag.Server.Metrics;

/// <summary>Writes metric families in the Prometheus text exposition format 0.0.4.</summary>
internal static class PrometheusTextWriter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static void Write(StringBuilder output, IEnumerable<MetricFamily> families)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(families);
        foreach (var family in families.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var series = family.Series.OrderBy(s => LabelText(s.Labels), StringComparer.Ordinal).ToList();
            if (series.Count == 0)
            {
                continue;
            }

            output.Append("# HELP ").Append(family.Name).Append(' ').Append(EscapeHelp(family.Help)).Append('\n');
            output.Append("# TYPE ").Append(family.Name).Append(' ').Append(TypeName(family.Kind)).Append('\n');
            foreach (var one in series)
            {
                if (family.Kind == MetricKind.Histogram)
                {
                    WriteHistogram(output, family, one);
                }
                else
                {
                    WriteSample(output, family.Name, one.Labels, null, one.Value);
                }
            }
        }
    }

    private static void WriteHistogram(StringBuilder output, MetricFamily family, MetricSeries series)
    {
        var (buckets, sum, count) = series.SnapshotHistogram();
        long cumulative = 0;
        for (var i = 0; i < buckets.Length; i++)
        {
            cumulative += buckets[i];
            var le = i < family.Bounds.Count ? FormatNumber(family.Bounds[i]) : "+Inf";
            WriteSample(output, family.Name + "_bucket", series.Labels, le, cumulative);
        }

        WriteSample(output, family.Name + "_sum", series.Labels, null, sum);
        WriteSample(output, family.Name + "_count", series.Labels, null, count);
    }

    private static void WriteSample(StringBuilder output, string name, IReadOnlyList<KeyValuePair<string, string>> labels, string? le, double value)
    {
        output.Append(name);
        if (labels.Count > 0 || le is not null)
        {
            output.Append('{').Append(LabelText(labels));
            if (le is not null)
            {
                output.Append(labels.Count > 0 ? "," : "").Append("le=\"").Append(le).Append('"');
            }

            output.Append('}');
        }

        output.Append(' ').Append(FormatNumber(value)).Append('\n');
    }

    internal static string LabelText(IReadOnlyList<KeyValuePair<string, string>> labels) =>
        string.Join(',', labels.Select(l => $"{l.Key}=\"{EscapeLabelValue(l.Value)}\""));

    /// <summary>Label values escape backslash, double quote and line feed.</summary>
    internal static string EscapeLabelValue(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>HELP text escapes backslash and line feed.</summary>
    internal static string EscapeHelp(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    internal static string FormatNumber(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string TypeName(MetricKind kind) => kind switch
    {
        MetricKind.Counter => "counter",
        MetricKind.Gauge => "gauge",
        _ => "histogram",
    };
}
