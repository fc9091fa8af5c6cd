using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;
using DocRag.Core.Diagnostics;

namespace DocRag.Server.Metrics;

/// <summary>
/// Collects this host's metrics with a <see cref="MeterListener"/> and renders them for <c>GET /metrics</c>:
/// ASP.NET Core's HTTP server instruments (requests by route template, method and status; latency by route; requests
/// in flight) and every instrument on the <c>DocRag</c> meters. Only meters made by this host's
/// <see cref="IMeterFactory"/> are seen, so two hosts in one process (tests) do not mix.
/// </summary>
public sealed partial class PrometheusExporter : IDisposable
{
    private const string HostingMeter = "Microsoft.AspNetCore.Hosting";

    private readonly IMeterFactory _meterFactory;
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, MetricFamily> _families = new(StringComparer.Ordinal);
    private readonly HttpMetrics _http;

    public PrometheusExporter(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meterFactory = meterFactory;
        _http = new HttpMetrics(Family("docrag_http_requests_total", "HTTP requests by route template, method and status.", MetricKind.Counter),
            Family("docrag_http_request_duration_seconds", "HTTP request latency by route template and method.", MetricKind.Histogram),
            Family("docrag_http_requests_in_flight", "HTTP requests being processed.", MetricKind.Gauge));
        _listener.InstrumentPublished = OnInstrumentPublished;
        _listener.SetMeasurementEventCallback<double>(static (_, value, tags, state) => ((IMeasurementSink)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<float>(static (_, value, tags, state) => ((IMeasurementSink)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<long>(static (_, value, tags, state) => ((IMeasurementSink)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>(static (_, value, tags, state) => ((IMeasurementSink)state!).Record(value, tags));
        _listener.Start();
    }

    /// <summary>Renders every metric in the Prometheus text format (observable instruments are read now).</summary>
    public string Collect()
    {
        _listener.RecordObservableInstruments();
        var output = new StringBuilder(4096);
        PrometheusTextWriter.Write(output, _families.Values);
        return output.ToString();
    }

    public void Dispose() => _listener.Dispose();

    private void OnInstrumentPublished(Instrument instrument, MeterListener listener)
    {
        if (!ReferenceEquals(instrument.Meter.Scope, _meterFactory))
        {
            return;
        }

        var meter = instrument.Meter.Name;
        IMeasurementSink? sink = meter switch
        {
            HostingMeter => _http.SinkFor(instrument.Name),
            DocRagMetrics.MeterName => GenericSink.For(instrument, this),
            _ when meter.StartsWith(DocRagMetrics.MeterName + ".", StringComparison.Ordinal) => GenericSink.For(instrument, this),
            _ => null,
        };
        if (sink is not null)
        {
            listener.EnableMeasurementEvents(instrument, sink);
        }
    }

    private MetricFamily Family(string name, string help, MetricKind kind, IReadOnlyList<double>? bounds = null) =>
        _families.GetOrAdd(name, static (n, s) => new MetricFamily(n, s.help, s.kind, s.bounds), (help, kind, bounds));

    /// <summary>Receives the measurements of one instrument.</summary>
    private interface IMeasurementSink
    {
        void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags);
    }
}
