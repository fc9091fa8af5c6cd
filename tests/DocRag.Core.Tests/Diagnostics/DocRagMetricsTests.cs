using System.Diagnostics.Metrics;
using DocRag.Core.Diagnostics;
using DocRag.Core.Embeddings;
using DocRag.Core.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DocRag.Core.Tests.Diagnostics;

public sealed class DocRagMetricsTests
{
    [Fact]
    public void Record_MeasurementsReachAListenerOfThisHostsMeter()
    {
        using var services = new ServiceCollection().AddDocRag(new ConfigurationBuilder().Build()).BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        var seen = new List<(string Instrument, double Value, string? Purpose)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory) && instrument.Meter.Name == DocRagMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => seen.Add((i.Name, v, Purpose(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => seen.Add((i.Name, v, Purpose(tags))));
        listener.SetMeasurementEventCallback<int>((i, v, tags, _) => seen.Add((i.Name, v, Purpose(tags))));
        listener.Start();
        var metrics = services.GetRequiredService<DocRagMetrics>();

        metrics.SetDocumentCount(3);
        metrics.SetChunkCount(40);
        metrics.AddEmbeddedTexts(5, EmbeddingPurpose.Query);
        metrics.AddEmbeddedTexts(0, EmbeddingPurpose.Passage);
        metrics.RecordGeneration(20, TimeSpan.FromSeconds(2));
        metrics.RecordGeneration(0, TimeSpan.FromSeconds(1));
        services.GetRequiredService<IReadinessState>().SetNotReady("x", "loading");
        listener.RecordObservableInstruments();
        string[] memory = ["docrag.process.working_set", "docrag.gc.heap_size"];

        Assert.All(memory, name => Assert.True(seen.Single(s => s.Instrument == name).Value > 0, name));
        Assert.Equal(
        [
            ("docrag.index.documents", 3, null),
            ("docrag.index.chunks", 40, null),
            ("docrag.embedding.texts", 5, "query"),
            ("docrag.generation.tokens", 20, null),
            ("docrag.generation.tokens_per_second", 10, null),
            ("docrag.build.info", 1, null),
            ("docrag.ready", 0, null),
        ], seen.Where(s => !memory.Contains(s.Instrument)));
    }

    private static string? Purpose(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var (key, value) in tags)
        {
            if (key == "purpose")
            {
                return value as string;
            }
        }

        return null;
    }
}
