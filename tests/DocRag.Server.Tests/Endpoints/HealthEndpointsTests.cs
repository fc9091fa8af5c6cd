using System.Net.Http.Json;
using DocRag.Core.Diagnostics;
using DocRag.Server.Endpoints;

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
