using DocRag.Core.Models;
using DocRag.TestSupport;

namespace DocRag.Cli.Tests.Commands;

public sealed class ModelsPullCommandTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _models = new("docrag-cli-models");
    private readonly CliTestModel _model = new();
    private HuggingFaceTestServer _server = null!;

    public async Task InitializeAsync() => _server = await HuggingFaceTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _models.Dispose();

    [Fact]
    public async Task Pull_DownloadsTheModelAndPrintsPlainProgress()
    {
        _model.ServeOn(_server);

        var run = await CliRun.RunModelsAsync(
            new ModelCatalog([_model.Model]), _server.BaseUrl, "models", "pull", CliTestModel.Name, "--models", _models.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.Contains("[1/2] onnx/model.onnx: downloading 200.0 kB", run.Output, StringComparison.Ordinal);
        Assert.Contains("[1/2] onnx/model.onnx: 100%", run.Output, StringComparison.Ordinal);
        Assert.Contains("[1/2] onnx/model.onnx: checking sha256", run.Output, StringComparison.Ordinal);
        Assert.Contains("[2/2] tokenizer.json: done", run.Output, StringComparison.Ordinal);
        Assert.Contains($"{CliTestModel.Name} is ready in {_models.Combine(CliTestModel.Name)}", run.Output, StringComparison.Ordinal);
        Assert.Equal(_model.Graph, await File.ReadAllBytesAsync(_models.Combine(CliTestModel.Name, "onnx", "model.onnx")));
        Assert.True(File.Exists(_models.Combine(CliTestModel.Name, ModelManifest.FileName)));
    }

    [Fact]
    public async Task Pull_AgainReportsFilesAlreadyPresent()
    {
        _model.ServeOn(_server);
        var catalog = new ModelCatalog([_model.Model]);
        await CliRun.RunModelsAsync(catalog, _server.BaseUrl, "models", "pull", CliTestModel.Name, "--models", _models.Path);

        var run = await CliRun.RunModelsAsync(catalog, _server.BaseUrl, "models", "pull", CliTestModel.Name, "--models", _models.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("[1/2] onnx/model.onnx: already present", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pull_UnknownModelExitsWith2AndNamesTheCatalog()
    {
        var run = await CliRun.RunAsync("models", "pull", "gpt-5", "--models", _models.Path);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("docrag: unknown model 'gpt-5'; known models: multilingual-e5-small, all-minilm-l6-v2", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pull_UnreachableHostFailsWithOneLine()
    {
        var run = await CliRun.RunModelsAsync(
            new ModelCatalog([_model.Model]), HuggingFaceTestServer.ClosedPortUrl(), "models", "pull", CliTestModel.Name, "--models", _models.Path);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("docrag: cannot reach 127.0.0.1: ", line, StringComparison.Ordinal);
        Assert.EndsWith($"DocRag works offline with models you copy into {_models.Path}", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_models.Combine(CliTestModel.Name)));
    }

    [Fact]
    public async Task Pull_MissingUpstreamFileFailsWithOneLine()
    {
        var run = await CliRun.RunModelsAsync(
            new ModelCatalog([_model.Model]), _server.BaseUrl, "models", "pull", CliTestModel.Name, "--models", _models.Path);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("onnx/model.onnx was not found (HTTP 404)", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pull_BadBaseUrlSettingFailsNamingIt()
    {
        var run = await CliRun.RunModelsAsync(
            new ModelCatalog([_model.Model]), new Uri("ftp://mirror.example/"), "models", "pull", CliTestModel.Name, "--models", _models.Path);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("docrag: invalid setting: ", line, StringComparison.Ordinal);
        Assert.Contains("DocRag:Models:BaseUrl", line, StringComparison.Ordinal);
    }
}
