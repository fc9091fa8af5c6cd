namespace DocRag.Server.Metrics;

/// <summary>The Prometheus metric types the exporter writes.</summary>
internal enum MetricKind
{
    Counter,
    Gauge,
    Histogram,
}
