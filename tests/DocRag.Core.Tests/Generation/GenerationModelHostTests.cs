using DocRag.Core.Generation;
using DocRag.Core.Hosting;
using DocRag.TestSupport;
using DocRag.TestSupport.Gguf;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DocRag.Core.Tests.Generation;

[Collection(LlamaLogSinkGroup.Name)] // loading attaches llama.cpp's process-wide log sink
public sealed class GenerationModelHostTests
{
    [Fact]
    public async Task GetAsync_ModelNone_ReturnsNullWithDisabledStatus()
    {
        using var dir = new TempDirectory();
        TestLlamaModel.WriteTiny(Directory.CreateDirectory(dir.Combine("models")).FullName);
        using var host = CreateHost(dir, "none");

        Assert.Null(await host.GetAsync());
        Assert.Equal(GenerationModelState.Disabled, host.Status.State);
        Assert.Contains("none", host.Status.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_EmptyModelsFolder_ReturnsNullNamingTheFolder()
    {
        using var dir = new TempDirectory();
        using var host = CreateHost(dir, model: null);

        Assert.Null(await host.GetAsync());
        Assert.Equal(GenerationModelState.NotFound, host.Status.State);
        Assert.Contains(dir.Combine("models"), host.Status.Reason, StringComparison.Ordinal);
        var ex = await Assert.ThrowsAsync<GenerationModelException>(() => host.GetRequiredAsync());
        Assert.Equal(host.Status.Reason, ex.Message);
    }

    [Fact]
    public async Task GetAsync_NoModelConfigured_LoadsFirstGgufOnceAndShares()
    {
        using var dir = new TempDirectory();
        var models = Directory.CreateDirectory(dir.Combine("models")).FullName;
        TestLlamaModel.WriteTiny(models, "b-model.gguf", seed: 2);
        var first = TestLlamaModel.WriteTiny(models, "a-model.gguf", seed: 1);
        using var host = CreateHost(dir, model: null);

        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => host.GetAsync()));

        Assert.All(clients, c => Assert.Same(clients[0], c));
        Assert.Equal(GenerationModelState.Ready, host.Status.State);
        Assert.Equal(first, host.Status.ModelPath);
        Assert.Equal("a-model", host.Status.Info!.ModelId);
        var response = await clients[0]!.GetResponseAsync([new(ChatRole.User, "hi")], new ChatOptions { MaxOutputTokens = 4 });
        Assert.NotNull(response.Usage);
        Assert.True(File.Exists(dir.Combine("data", "cache", "model-probes.json")));
    }

    [Fact]
    public async Task GetAsync_FileNameUnderModelsFolder_IsFound()
    {
        using var dir = new TempDirectory();
        var models = Directory.CreateDirectory(dir.Combine("models")).FullName;
        TestLlamaModel.WriteTiny(models, "chosen.gguf");
        using var host = CreateHost(dir, "chosen.gguf");

        var client = await host.GetRequiredAsync();

        Assert.Equal("chosen", client.Info.ModelId);
    }

    [Fact]
    public async Task GetAsync_ConfiguredFileMissing_FailsWithReason()
    {
        using var dir = new TempDirectory();
        using var host = CreateHost(dir, "missing.gguf");

        Assert.Null(await host.GetAsync());
        Assert.Equal(GenerationModelState.Failed, host.Status.State);
        Assert.Contains("'missing.gguf' not found", host.Status.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DamagedModels.Truncated, "bytes missing")]
    [InlineData(DamagedModels.PlainText, "not a usable GGUF model")]
    [InlineData(DamagedModels.RandomBytes, "GGUF magic")]
    [InlineData(DamagedModels.HtmlPage, "HTML")]
    [InlineData(DamagedModels.UnsupportedArchitecture, "unknown model architecture")]
    [InlineData(DamagedModels.AbortsLlamaCpp, "crashed")]
    public async Task GetAsync_DamagedOrWrongModel_FailsClearlyAndProcessSurvives(string kind, string expected)
    {
        using var dir = new TempDirectory();
        var path = DamagedModels.Write(dir.Path, kind);
        using var host = CreateHost(dir, path);

        var client = await host.GetAsync();

        Assert.Null(client);
        Assert.Equal(GenerationModelState.Failed, host.Status.State);
        Assert.Contains(expected, host.Status.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', host.Status.Reason);
        var ex = await Assert.ThrowsAsync<GenerationModelException>(() => host.GetRequiredAsync());
        Assert.Equal(host.Status.Reason, ex.Message);
    }

    [Fact]
    public async Task GetAsync_ArchitectureLlamaCppLacks_SaysSoNamingItAndTheBuild()
    {
        using var dir = new TempDirectory();
        var path = DamagedModels.Write(dir.Path, DamagedModels.UnsupportedArchitecture);
        using var host = CreateHost(dir, path);

        Assert.Null(await host.GetAsync());

        Assert.Contains("unknown model architecture: 'docrag-unknown-arch'", host.Status.Reason, StringComparison.Ordinal);
        Assert.Contains("the file's architecture is 'docrag-unknown-arch'", host.Status.Reason, StringComparison.Ordinal);
        Assert.Contains($"llama.cpp {DocRag.Native.NativeVersions.LlamaCppCommit} from LLamaSharp 0.30.0", host.Status.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_FailedFileReplacedByGoodOne_LoadsIt()
    {
        using var dir = new TempDirectory();
        var path = DamagedModels.Write(dir.Path, DamagedModels.Truncated);
        using var host = CreateHost(dir, path);
        Assert.Null(await host.GetAsync());

        File.Copy(dir.Combine("whole.gguf"), path, overwrite: true);

        Assert.NotNull(await host.GetAsync());
        Assert.Equal(GenerationModelState.Ready, host.Status.State);
    }

    private static GenerationModelHost CreateHost(TempDirectory dir, string? model)
    {
        var generation = new GenerationOptions { Model = model, ContextSize = 256, Threads = 1 };
        var paths = new DocRagOptions { DataDirectory = dir.Combine("data"), ModelsDirectory = dir.Combine("models") };
        return new GenerationModelHost(Options.Create(generation), Options.Create(paths), NullLoggerFactory.Instance);
    }
}
