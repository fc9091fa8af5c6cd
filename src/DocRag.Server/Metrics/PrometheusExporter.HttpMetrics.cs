using System.Globalization;

namespace DocRag.Server.Metrics;

public sealed partial class PrometheusExporter
{
    /// <summary>
    /// Re-labels ASP.NET Core's <c>http.server.*</c> instruments: the route template (never the raw path, so the number
    /// of series stays bounded), the method and the status code.
    /// </summary>
    private sealed class HttpMetrics(MetricFamily requests, MetricFamily duration, MetricFamily inFlight)
    {
        private const string Unmatched = "unmatched";

        public IMeasurementSink? SinkFor(string instrument) => instrument switch
        {
            "http.server.request.duration" => new DurationSink(requests, duration),
            "http.server.active_requests" => new InFlightSink(inFlight),
            _ => null,
        };

        private sealed class DurationSink(MetricFamily requests, MetricFamily duration) : IMeasurementSink
        {
            public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
            {
                string method = "", route = Unmatched, status = "";
                foreach (var (key, tag) in tags)
                {
                    switch (key)
                    {
                        case "http.request.method":
                            method = Convert.ToString(tag, CultureInfo.InvariantCulture) ?? "";
                            break;
                        case "http.route":
                            route = Convert.ToString(tag, CultureInfo.InvariantCulture) is { Length: > 0 } text ? text : Unmatched;
                            break;
                        case "http.response.status_code":
                            status = Convert.ToString(tag, CultureInfo.InvariantCulture) ?? "";
                            break;
                        default:
                            break;
                    }
                }

                requests.GetSeries([new("method", method), new("route", route), new("status", status)]).Add(1);
                duration.GetSeries([new("method", method), new("route", route)]).Observe(value, duration.Bounds);
            }
        }

        private sealed class InFlightSink(MetricFamily inFlight) : IMeasurementSink
        {
            private readonly MetricSeries _series = inFlight.GetSeries([]);

            public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) => _series.Add(value);
        }
    }
}
