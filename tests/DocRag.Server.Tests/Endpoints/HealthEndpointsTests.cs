using System.Net.Http.Json;
using DocRag.Core.Diagnostics;
using DocRag.Server.Endpoints;
using DocRag.TestSupport;

namespace DocRag.Server.Tests.Endpoints;

public sealed class HealthEndpointsTests
{
    [Fact]
    public async Task Health_OpenWithKeysConfigured_ReportsVersion()
    {
        using var factory = new DocRagFactory(ServerHost.WithKeys());
        using var client = factory.CreateClient();

        var report = await client.GetFromJsonAsync<RuntimeReport>(new Uri("/health", UriKind.Relative));

        Assert.Equal(RuntimeReport.DocRagVersion, report!.Version);
    }

    [Fact]
    public async Task Health_ModelStatesWithoutPathsOrReasons()
    {
        using var models = new DocRag.TestSupport.TempDirectory("docrag-health-models");
        Directory.CreateDirectory(models.Combine("broken"));
        File.WriteAllText(models.Combine("broken", "model.onnx"), "not an onnx graph");
        File.WriteAllText(models.Combine("broken", "vocab.txt"), "[PAD]\n[UNK]\n[CLS]\n[SEP]\n");
        await using var host = await ServerHost.StartAsync(new Dictionary<string, string?> { [DocRag.Core.Hosting.DocRagEnvironment.ModelsKey] = models.Path });

        var health = await Polling.UntilAsync(
            () => host.Client.GetFromJsonAsync<HealthResponse>(new Uri("/health", UriKind.Relative))!, h => h!.Models.Embedding.State == "failed", "the failed load");
        var text = await host.Client.GetStringAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal("notFound", health!.Models.Generator.State);
        Assert.DoesNotContain(models.Path, text, StringComparison.Ordinal);
        Assert.DoesNotContain(host.DataPath, text, StringComparison.Ordinal);
        Assert.DoesNotContain("reason", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Redact_FailedRuntime_HidesErrorText()
    {
        var failed = new NativeComponentStatus("llama.cpp", "v0.5.0", false, "Unable to load /home/user/secret/libllama.so");

        var redacted = HealthEndpoints.Redact(failed);

        Assert.False(redacted.Loaded);
        Assert.DoesNotContain("/home/user", redacted.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_LoadedRuntime_Unchanged()
    {
        var loaded = new NativeComponentStatus("ONNX Runtime", "1.30.0", true, "1.30.0");

        Assert.Same(loaded, HealthEndpoints.Redact(loaded));
    }
}
