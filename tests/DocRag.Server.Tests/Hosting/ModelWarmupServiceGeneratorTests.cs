using DocRag.Core.Generation;
using DocRag.Core.Hosting;
using DocRag.Server.Hosting;
using DocRag.TestSupport;
using DocRag.TestSupport.Gguf;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DocRag.Server.Tests.Hosting;

[Collection(LlamaServerGroup.Name)]
public sealed class ModelWarmupServiceGeneratorTests
{
    [Fact]
    public async Task Start_LocalModel_LoadedWithoutARequestThenReady()
    {
        using var dir = new TempDirectory("docrag-warmup");
        var model = TestLlamaModel.WriteTiny(dir.Path);
        await using var host = await ServerHost.StartAsync(new Dictionary<string, string?>
        {
            ["DocRag:Generation:Model"] = model,
            ["DocRag:Generation:ContextSize"] = "256",
        });

        await IndexedServer.WaitReadyAsync(host.Services.GetRequiredService<IReadinessState>());

        Assert.Equal(GenerationModelState.Ready, host.Services.GetRequiredService<GenerationModelHost>().Status.State);
    }
}
