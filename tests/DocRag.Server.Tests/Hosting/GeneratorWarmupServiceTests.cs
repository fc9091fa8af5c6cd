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
public sealed class GeneratorWarmupServiceTests
{
    [Theory]
    [InlineData("none", false)]
    [InlineData(null, false)] // no model file in the models folder
    [InlineData("tiny.gguf", true)]
    public async Task Start_MarksTheGeneratorPendingOnlyWhenAModelWillLoad(string? model, bool pending)
    {
        using var dir = new TempDirectory("docrag-warmup");
        TestLlamaModel.WriteTiny(dir.Path, "tiny.gguf");
        var options = new GenerationOptions { Model = model is "tiny.gguf" ? Path.Combine(dir.Path, model) : model, ContextSize = 256, Threads = 1 };
        using var generator = new GenerationModelHost(
            Options.Create(options), Options.Create(new DocRagOptions { DataDirectory = dir.Combine("data"), ModelsDirectory = dir.Combine("empty") }),
            NullLoggerFactory.Instance);
        var readiness = new RecordingReadiness();
        using var warmup = new GeneratorWarmupService(generator, readiness, NullLogger<GeneratorWarmupService>.Instance);

        await warmup.StartAsync(CancellationToken.None);
        await warmup.ExecuteTask!;

        Assert.Equal(pending ? ["not ready: generator", "ready: generator"] : [], readiness.Calls);
        Assert.Equal(pending ? GenerationModelState.Ready : model is null ? GenerationModelState.NotFound : GenerationModelState.Disabled, generator.Status.State);
    }

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

    private sealed class RecordingReadiness : IReadinessState
    {
        public List<string> Calls { get; } = [];

        public bool IsReady => Calls.Count % 2 == 0;

        public ReadinessStatus Current => throw new NotSupportedException();

        public void SetNotReady(string component, string reason) => Calls.Add($"not ready: {component}");

        public void SetReady(string component) => Calls.Add($"ready: {component}");
    }
}
