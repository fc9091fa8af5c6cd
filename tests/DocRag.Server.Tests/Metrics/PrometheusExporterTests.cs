using System.Net;
using System.Net.Http.Headers;
using DocRag.Core.Diagnostics;
using DocRag.Core.Embeddings;
using DocRag.Core.Hosting;
using DocRag.Server.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DocRag.Server.Tests.Metrics;

public sealed class PrometheusExporterTests
{
    [Fact]
    public async Task Metrics_HttpRequestsByRouteTemplateMethodAndStatus()
    {
        await using var host = await ServerHost.StartAsync(map: app => app.MapV1Group().MapGet("/test/items/{id}", (int id) => id));
        await host.Client.GetAsync(new Uri("/v1/test/items/1", UriKind.Relative));
        await host.Client.GetAsync(new Uri("/v1/test/items/2", UriKind.Relative));
        await host.Client.GetAsync(new Uri("/v1/test/items/not-a-number", UriKind.Relative));
        await host.Client.GetAsync(new Uri("/v1/secret-looking-path", UriKind.Relative));

        // Hosting records a request's duration just after the response is sent: read until the fourth one is in.
        var families = await ScrapeUntilAsync(host.Client, f => Count(f, "unmatched", "404") == 1);

        Assert.Equal(2, Count(families, "/v1/test/items/{id}", "200"));
        Assert.Equal(1, Count(families, "/v1/test/items/{id}", "400"));
        var requests = families["docrag_http_requests_total"];
        Assert.Equal("counter", requests.Type);
        Assert.DoesNotContain(requests.Samples, s => s.Labels["route"].Contains("secret", StringComparison.Ordinal));

        var duration = families["docrag_http_request_duration_seconds"];
        Assert.Equal("histogram", duration.Type);
        var buckets = duration.Samples.Where(s => s.Name.EndsWith("_bucket", StringComparison.Ordinal)
            && s.Labels["route"] == "/v1/test/items/{id}").ToList();
        Assert.Equal(buckets.Select(b => b.Value).Order(), buckets.Select(b => b.Value));
        Assert.Equal(3, buckets.Single(b => b.Labels["le"] == "+Inf").Value);
        Assert.Equal(3, duration.Samples.Single(s => s.Name.EndsWith("_count", StringComparison.Ordinal)
            && s.Labels["route"] == "/v1/test/items/{id}").Value);
        Assert.True(families["docrag_http_requests_in_flight"].Samples.Single().Value >= 1);
    }

    [Fact]
    public async Task Metrics_ComponentsFeedDocRagMetrics()
    {
        await using var host = await ServerHost.StartAsync();
        // The server's own reading of the (empty) index comes first; set after it, these values are not overwritten.
        await ScrapeUntilAsync(host.Client, f => f.ContainsKey("docrag_index_documents"));
        var metrics = host.Services.GetRequiredService<DocRagMetrics>();
        metrics.SetDocumentCount(12);
        metrics.SetChunkCount(345);
        metrics.AddEmbeddedTexts(10, EmbeddingPurpose.Passage);
        metrics.AddEmbeddedTexts(1, EmbeddingPurpose.Query);
        metrics.RecordGeneration(100, TimeSpan.FromSeconds(4));
        metrics.RecordGeneration(50, TimeSpan.FromSeconds(1));
        host.Services.GetRequiredService<IReadinessState>().SetNotReady("embedder", "loading embedding model");

        var families = PrometheusText.Parse(await host.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative)));

        Assert.Equal(12, Value(families, "docrag_index_documents"));
        Assert.Equal(345, Value(families, "docrag_index_chunks"));
        Assert.Equal("gauge", families["docrag_index_chunks"].Type);
        Assert.Equal(10, families["docrag_embedding_texts_total"].Samples.Single(s => s.Labels["purpose"] == "passage").Value);
        Assert.Equal(1, families["docrag_embedding_texts_total"].Samples.Single(s => s.Labels["purpose"] == "query").Value);
        Assert.Equal(150, Value(families, "docrag_generation_tokens_total"));
        Assert.Equal(50, Value(families, "docrag_generation_tokens_per_second"));
        Assert.Equal(0, Value(families, "docrag_ready"));
        Assert.Equal(1, families["docrag_build_info"].Samples.Single().Value);
        Assert.True(Value(families, "docrag_process_working_set_bytes") > 0);
        Assert.True(Value(families, "docrag_gc_heap_size_bytes") > 0);
    }

    [Fact]
    public async Task Metrics_IndexGaugesFollowTheIndex()
    {
        await using var host = await ApiHost.StartAsync(new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["docs"] = new Dictionary<string, string> { ["a.md"] = "# A\n\nOne.", ["b.md"] = "# B\n\nTwo." },
        });

        var families = await ScrapeUntilAsync(host.Client, f => f.ContainsKey("docrag_index_documents") && Value(f, "docrag_index_documents") == 2);
        var id = (await host.Client.GetJsonAsync<DocumentList>("/v1/documents?limit=1")).Items[0].Id;
        using var deleted = await host.Client.DeleteAsync(new Uri($"/v1/documents/{id}", UriKind.Relative));
        var after = await ScrapeUntilAsync(host.Client, f => Value(f, "docrag_index_documents") == 1);

        Assert.Equal(2, Value(families, "docrag_index_documents"));
        Assert.True(Value(families, "docrag_index_chunks") >= 2);
        Assert.Equal(1, Value(after, "docrag_index_documents"));
    }

    [Fact]
    public async Task Metrics_ContentTypeIsPrometheusText()
    {
        await using var host = await ServerHost.StartAsync();

        using var response = await host.Client.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(MediaTypeHeaderValue.Parse("text/plain; version=0.0.4; charset=utf-8"), response.Content.Headers.ContentType);
    }

    [Fact]
    public async Task Metrics_TwoHostsInOneProcess_DoNotMix()
    {
        await using var first = await ServerHost.StartAsync();
        await using var second = await ServerHost.StartAsync();
        await ScrapeUntilAsync(first.Client, f => f.ContainsKey("docrag_index_documents")); // each server's own first reading
        await ScrapeUntilAsync(second.Client, f => f.ContainsKey("docrag_index_documents"));
        first.Services.GetRequiredService<DocRagMetrics>().SetDocumentCount(1);
        second.Services.GetRequiredService<DocRagMetrics>().SetDocumentCount(2);

        var one = PrometheusText.Parse(await first.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative)));
        var two = PrometheusText.Parse(await second.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative)));

        Assert.Equal(1, Value(one, "docrag_index_documents"));
        Assert.Equal(2, Value(two, "docrag_index_documents"));
    }

    private static double Value(Dictionary<string, PrometheusText.Family> families, string name) => families[name].Samples.Single().Value;

    private static double Count(Dictionary<string, PrometheusText.Family> families, string route, string status) =>
        families.TryGetValue("docrag_http_requests_total", out var family)
            ? family.Samples.Where(s => s.Labels["route"] == route && s.Labels["status"] == status && s.Labels["method"] == "GET").Sum(s => s.Value)
            : 0;

    private static async Task<Dictionary<string, PrometheusText.Family>> ScrapeUntilAsync(
        HttpClient client, Func<Dictionary<string, PrometheusText.Family>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var families = PrometheusText.Parse(await client.GetStringAsync(new Uri("/metrics", UriKind.Relative)));
            if (done(families) || DateTime.UtcNow > deadline)
            {
                return families;
            }

            await Task.Delay(50);
        }
    }
}
