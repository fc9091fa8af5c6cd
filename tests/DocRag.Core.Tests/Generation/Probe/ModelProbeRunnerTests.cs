using DocRag.Core.Generation;
using DocRag.Core.Generation.Probe;
using DocRag.TestSupport;
using DocRag.TestSupport.Gguf;

namespace DocRag.Core.Tests.Generation.Probe;

public sealed class ModelProbeRunnerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task ProbeAsync_GeneratedModel_ReturnsFacts()
    {
        using var dir = new TempDirectory();
        var path = TestLlamaModel.WriteTiny(dir.Path);

        var facts = await new ModelProbeRunner().ProbeAsync(path, Timeout);

        Assert.Equal("llama", facts.Architecture);
        Assert.Equal("docrag-test-llama", facts.Name);
        Assert.Equal(LlamaModelShape.Tiny.Parameters, facts.Parameters);
        Assert.Equal(LlamaModelShape.Tiny.ContextLength, facts.TrainContextSize);
        Assert.Equal(LlamaModelShape.Tiny.VocabularySize, facts.VocabularySize);
        Assert.Equal(TestLlamaModel.ChatMlTemplate, facts.ChatTemplate);
    }

    [Fact]
    public async Task ProbeAsync_FileThatAbortsLlamaCpp_ReportsCrashAndThisProcessLives()
    {
        using var dir = new TempDirectory();
        var path = DamagedModels.Write(dir.Path, DamagedModels.AbortsLlamaCpp);

        var ex = await Assert.ThrowsAsync<GenerationModelException>(() => new ModelProbeRunner().ProbeAsync(path, Timeout));

        Assert.Contains("crashed", ex.Message, StringComparison.Ordinal);
        Assert.Contains("SIGABRT", ex.Message, StringComparison.Ordinal);
        Assert.Contains("GGML_ASSERT(ggml_can_mul_mat(k, q)) failed", ex.Message, StringComparison.Ordinal);
        Assert.Equal(Path.GetFullPath(path), ex.ModelPath);
    }

    [Fact]
    public async Task ProbeAsync_UnsupportedArchitecture_ReportsLlamaReason()
    {
        using var dir = new TempDirectory();
        var path = DamagedModels.Write(dir.Path, DamagedModels.UnsupportedArchitecture);

        var ex = await Assert.ThrowsAsync<GenerationModelException>(() => new ModelProbeRunner().ProbeAsync(path, Timeout));

        Assert.StartsWith("llama.cpp refused 'unsupported-architecture.gguf'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("unknown model architecture: 'docrag-unknown-arch'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeAsync_ProbeMissing_SaysSo()
    {
        using var dir = new TempDirectory();
        var path = TestLlamaModel.WriteTiny(dir.Path);

        var ex = await Assert.ThrowsAsync<GenerationModelException>(() => new ModelProbeRunner(dir.Combine("nope.dll")).ProbeAsync(path, Timeout));

        Assert.Contains("probe", ex.Message, StringComparison.Ordinal);
        Assert.Contains("missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProbePath_IsCopiedNextToTheTestBinaries()
    {
        Assert.True(File.Exists(new ModelProbeRunner().ProbePath));
        Assert.True(File.Exists(Path.ChangeExtension(new ModelProbeRunner().ProbePath, ".runtimeconfig.json")));
    }

    [Theory]
    [InlineData("llama.cpp: warning\n/src/ggml/src/ggml.c:5506: GGML_ASSERT(a) failed\n[New LWP 1]\n", "GGML_ASSERT(a) failed (ggml.c)")]
    [InlineData("llama.cpp: llama_model_load: error\nerror: llama.cpp could not load '/m.gguf': the reason\n", "the reason")]
    [InlineData("llama.cpp: something bad happened\n", "something bad happened")]
    [InlineData("", "no message")]
    public void Reason_PicksTheTellingLine(string stderr, string expected)
    {
        Assert.Equal(expected, ModelProbeRunner.Reason(stderr));
    }

    [Fact]
    public void Describe_SignalExit_NamesSignal()
    {
        Assert.Equal("llama.cpp crashed loading 'm.gguf' (SIGSEGV): boom", ModelProbeRunner.Describe("/x/m.gguf", 139, "boom"));
    }
}
