using System.Diagnostics.Metrics;
using System.Text;

namespace DocRag.Server.Metrics;

/// <summary>Maps System.Diagnostics.Metrics names to Prometheus ones (<c>docrag.index.chunks</c> → <c>docrag_index_chunks</c>).</summary>
internal static class PrometheusNames
{
    /// <summary>Latency buckets in seconds, up to two minutes (a generated answer can take that long on CPU).</summary>
    public static IReadOnlyList<double> DefaultBuckets { get; } =
        [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

    /// <summary>The metric name: dots to underscores, the unit as a suffix (seconds, bytes), <c>_total</c> on counters.</summary>
    public static string MetricName(Instrument instrument, MetricKind kind)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var name = Sanitize(instrument.Name, allowColon: true);
        var suffix = instrument.Unit switch
        {
            "s" => "_seconds",
            "By" => "_bytes",
            _ => "",
        };
        if (suffix.Length > 0 && !name.EndsWith(suffix, StringComparison.Ordinal))
        {
            name += suffix;
        }

        return kind == MetricKind.Counter && !name.EndsWith("_total", StringComparison.Ordinal) ? name + "_total" : name;
    }

    /// <summary>A valid label name (<c>[a-zA-Z_][a-zA-Z0-9_]*</c>).</summary>
    public static string LabelName(string tag) => Sanitize(tag, allowColon: false);

    private static string Sanitize(string value, bool allowColon)
    {
        var builder = new StringBuilder(value.Length + 1);
        foreach (var c in value)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':') ? c : '_');
        }

        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }
}
