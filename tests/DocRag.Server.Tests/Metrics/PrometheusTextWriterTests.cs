using System.Text;
using DocRag.Server.Metrics;

namespace DocRag.Server.Tests.Metrics;

public sealed class PrometheusTextWriterTests
{
    [Fact]
    public void Write_EscapesLabelValuesAndHelp_ReadsBack()
    {
        var family = new MetricFamily("docrag_test_total", "Help with \\ backslash\nand a new line.", MetricKind.Counter);
        const string nasty = "a \"quoted\" \\ back\\slash\nnew line";
        family.GetSeries([new("route", nasty)]).Add(2);
        var output = new StringBuilder();

        PrometheusTextWriter.Write(output, [family]);

        var text = output.ToString();
        Assert.Contains("route=\"a \\\"quoted\\\" \\\\ back\\\\slash\\nnew line\"", text, StringComparison.Ordinal);
        var parsed = PrometheusText.Parse(text)["docrag_test_total"];
        Assert.Equal("counter", parsed.Type);
        Assert.Equal("Help with \\ backslash\nand a new line.", parsed.Help);
        var sample = Assert.Single(parsed.Samples);
        Assert.Equal(nasty, sample.Labels["route"]);
        Assert.Equal(2, sample.Value);
    }

    [Fact]
    public void Write_Histogram_CumulativeBucketsSumAndCount()
    {
        var family = new MetricFamily("docrag_latency_seconds", "Latency.", MetricKind.Histogram, [0.1, 1]);
        var series = family.GetSeries([new("route", "/v1/search")]);
        foreach (var value in new[] { 0.05, 0.1, 0.5, 3 })
        {
            series.Observe(value, family.Bounds);
        }

        var output = new StringBuilder();
        PrometheusTextWriter.Write(output, [family]);

        var samples = PrometheusText.Parse(output.ToString())["docrag_latency_seconds"].Samples;
        Assert.Equal([2, 3, 4], samples.Where(s => s.Name.EndsWith("_bucket", StringComparison.Ordinal)).Select(s => s.Value));
        Assert.Equal(["0.1", "1", "+Inf"], samples.Where(s => s.Name.EndsWith("_bucket", StringComparison.Ordinal)).Select(s => s.Labels["le"]));
        Assert.Equal(3.65, samples.Single(s => s.Name == "docrag_latency_seconds_sum").Value, 10);
        Assert.Equal(4, samples.Single(s => s.Name == "docrag_latency_seconds_count").Value);
    }

    [Theory]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(1.5, "1.5")]
    [InlineData(3d, "3")]
    public void FormatNumber_PrometheusSpelling(double value, string expected) =>
        Assert.Equal(expected, PrometheusTextWriter.FormatNumber(value));

    [Fact]
    public void Write_FamilyWithoutSeries_Omitted()
    {
        var output = new StringBuilder();

        PrometheusTextWriter.Write(output, [new MetricFamily("docrag_empty", "Nothing.", MetricKind.Gauge)]);

        Assert.Equal("", output.ToString());
    }
}
