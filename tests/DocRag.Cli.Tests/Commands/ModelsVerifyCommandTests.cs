using DocRag.Core.Models;
using DocRag.TestSupport;

namespace DocRag.Cli.Tests.Commands;

public sealed class ModelsVerifyCommandTests : IDisposable
{
    private readonly TempDirectory _models = new("docrag-cli-models");
    private readonly CliTestModel _model = new();
    private readonly ModelCatalog _catalog;

    public ModelsVerifyCommandTests() => _catalog = new ModelCatalog([_model.Model]);

    public void Dispose() => _models.Dispose();

    [Fact]
    public async Task Verify_IntactModelIsOkAndExitsZero()
    {
        _model.WriteInto(_models.Path);

        var run = await CliRun.RunModelsAsync(_catalog, null, "models", "verify", CliTestModel.Name, "--models", _models.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"{CliTestModel.Name}: ok", run.Output.Trim());
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task Verify_CorruptFileExitsNonZeroAndNamesIt()
    {
        _model.WriteInto(_models.Path);
        var graph = _models.Combine(CliTestModel.Name, "onnx", "model.onnx");
        var bytes = await File.ReadAllBytesAsync(graph);
        bytes[100] ^= 0x80;
        await File.WriteAllBytesAsync(graph, bytes);

        var run = await CliRun.RunModelsAsync(_catalog, null, "models", "verify", "--models", _models.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{CliTestModel.Name}: corrupt", run.Output, StringComparison.Ordinal);
        Assert.Contains("  onnx/model.onnx: corrupt: sha256 ", run.Output, StringComparison.Ordinal);
        var line = Assert.Single(run.ErrorLines);
        Assert.Equal($"docrag: verification failed for {CliTestModel.Name} (corrupt); run 'docrag models pull NAME' to repair", line);
    }

    [Fact]
    public async Task Verify_NamedModelThatIsNotDownloadedExitsNonZero()
    {
        var run = await CliRun.RunAsync("models", "verify", "qwen2.5-0.5b-instruct-q4_k_m", "--models", _models.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("qwen2.5-0.5b-instruct-q4_k_m: not downloaded", run.Output.Trim());
        Assert.Single(run.ErrorLines);
    }

    [Fact]
    public async Task Verify_AllWithNothingDownloadedExitsZero()
    {
        var run = await CliRun.RunAsync("models", "verify", "--models", _models.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(ModelCatalog.Default.Models.Count, run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.All(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.EndsWith(": not downloaded", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_UnknownModelExitsWith2()
    {
        var run = await CliRun.RunAsync("models", "verify", "nope", "--models", _models.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("docrag: unknown model 'nope'", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }
}
