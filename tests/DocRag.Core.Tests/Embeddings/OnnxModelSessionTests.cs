using DocRag.Core.Embeddings;
using DocRag.TestSupport;
using DocRag.TestSupport.Onnx;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace DocRag.Core.Tests.Embeddings;

/// <summary>The session over ONNX Runtime's package: metadata, runs, cancellation, damaged files, provider choice.</summary>
public sealed class OnnxModelSessionTests : IDisposable
{
    private readonly TempDirectory _dir = new("docrag-ort");
    private readonly string _modelPath;

    public OnnxModelSessionTests()
    {
        _modelPath = BertOnnxModelWriter.Write(_dir.Combine("model.onnx"), BertModelOptions.Tiny);
    }

    [Fact]
    public void Create_GeneratedModel_DiscoversInputsAndOutputs()
    {
        using var session = Cpu(_modelPath);

        Assert.Equal([BertOnnxModelWriter.InputIds, BertOnnxModelWriter.AttentionMask, BertOnnxModelWriter.TokenTypeIds], session.Inputs.Select(i => i.Name));
        var ids = session.Inputs[0];
        Assert.Equal(TensorElementType.Int64, ids.ElementType);
        Assert.Equal([-1L, -1L], ids.Dimensions);
        Assert.Equal(["batch_size", "sequence_length"], ids.SymbolicDimensions);
        var output = Assert.Single(session.Outputs);
        Assert.Equal(BertOnnxModelWriter.LastHiddenState, output.Name);
        Assert.Equal(TensorElementType.Float, output.ElementType);
        Assert.Equal("[batch_size, sequence_length, 32]", output.ShapeText);
        Assert.Equal(OnnxExecutionProvider.Cpu, session.ExecutionProvider);
        Assert.Null(session.FallbackReason);
        Assert.Equal(1, session.IntraOpThreads);
    }

    [Fact]
    public void Run_PaddedSequence_MaskHidesThePadding()
    {
        using var session = Cpu(_modelPath);

        var alone = RunHidden(session, [101, 7592, 2088, 102], [1, 1, 1, 1], CancellationToken.None);
        var padded = RunHidden(session, [101, 7592, 2088, 102, 0, 0], [1, 1, 1, 1, 0, 0], CancellationToken.None);

        Assert.Equal(4 * 32, alone.Length);
        for (var i = 0; i < alone.Length; i++)
        {
            Assert.Equal(alone[i], padded[i], 4);
        }
    }

    [Fact]
    public void Run_CancelledToken_OrtTerminatesTheRun()
    {
        // The run itself is valid: only ORT's terminate flag (set by the registration at once) can make it fail.
        using var session = Cpu(_modelPath);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.Throws<OperationCanceledException>(() => RunHidden(session, [101, 102], [1, 1], cts.Token));
    }

    [Fact]
    public void Run_CancellableTokenNotCancelled_Runs()
    {
        using var session = Cpu(_modelPath);
        using var cts = new CancellationTokenSource();

        Assert.Equal(2 * 32, RunHidden(session, [101, 102], [1, 1], cts.Token).Length);
    }

    [Fact]
    public void Run_MissingInput_ThrowsOrtError()
    {
        using var session = Cpu(_modelPath);
        using var ids = OrtValue.CreateTensorValueFromMemory(new long[] { 101, 102 }, [1, 2]);

        Assert.Throws<OnnxRuntimeException>(() => session.Run([BertOnnxModelWriter.InputIds], [ids], BertOnnxModelWriter.LastHiddenState));
    }

    [Fact]
    public void Create_MissingFile_ThrowsFileNotFoundNamingIt()
    {
        var path = _dir.Combine("absent.onnx");

        var error = Assert.Throws<FileNotFoundException>(() => Cpu(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_TruncatedFile_ThrowsClearError()
    {
        var bytes = File.ReadAllBytes(_modelPath);
        var path = _dir.Combine("truncated.onnx");
        File.WriteAllBytes(path, bytes.AsSpan(0, bytes.Length / 2).ToArray());

        var error = Assert.Throws<EmbeddingModelException>(() => Cpu(path));

        Assert.Contains("could not load the model", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text.onnx", "this is not a model, just some words\n")]
    [InlineData("empty.onnx", "")]
    public void Create_NotAnOnnxFile_ThrowsClearError(string name, string content)
    {
        var path = _dir.WriteText(name, content);

        var error = Assert.Throws<EmbeddingModelException>(() => Cpu(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_CudaWithoutGpu_FailsSayingWhy()
    {
        var error = Assert.Throws<EmbeddingModelException>(() => OnnxModelSession.Create(_modelPath, OnnxExecutionProvider.Cuda, threads: 1));

        Assert.Contains("CUDA execution provider", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_AutoWithoutGpu_FallsBackToCpuWithReason()
    {
        using var session = OnnxModelSession.Create(_modelPath, OnnxExecutionProvider.Auto, threads: 1);

        Assert.Equal(OnnxExecutionProvider.Cpu, session.ExecutionProvider);
        Assert.Contains("CUDA", session.FallbackReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_AutoOnCorruptFile_ReportsTheModelError()
    {
        var path = _dir.WriteText("corrupt.onnx", "\u0008\u0007garbage");

        var error = Assert.Throws<EmbeddingModelException>(() => OnnxModelSession.Create(path, OnnxExecutionProvider.Auto, threads: 1));

        Assert.StartsWith("ONNX Runtime could not load the model '", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Environment_ReportsThePackageVersionAndCpuProvider()
    {
        Assert.Equal("1.32.0", OnnxEnvironment.Version);
        Assert.Contains("CPUExecutionProvider", OnnxEnvironment.AvailableProviders);
    }

    [Fact]
    public void Output_CarriesOneOnnxRuntimeForLinuxX64Only()
    {
        var runtimes = Path.Combine(AppContext.BaseDirectory, "runtimes");
        var native = Path.Combine(runtimes, "linux-x64", "native");

        // The runtimes' native files (not other packages' leftovers in an incremental output) are linux-x64's alone.
        string[] marks = ["onnxruntime", "llama", "ggml"];
        var elsewhere = Directory.EnumerateFiles(runtimes, "*", SearchOption.AllDirectories)
            .Where(f => marks.Any(m => Path.GetFileName(f).Contains(m, StringComparison.OrdinalIgnoreCase)))
            .Where(f => !f.StartsWith(Path.Combine(runtimes, "linux-x64") + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        Assert.Empty(elsewhere);
        Assert.Single(Directory.EnumerateFiles(AppContext.BaseDirectory, "libonnxruntime.so*", SearchOption.AllDirectories));
        Assert.True(File.Exists(Path.Combine(native, "libonnxruntime.so")));
        var gpuBuild = OnnxEnvironment.AvailableProviders.Contains("CUDAExecutionProvider");
        Assert.Equal(gpuBuild, File.Exists(Path.Combine(native, "libonnxruntime_providers_cuda.so")));
    }

    public void Dispose() => _dir.Dispose();

    private static OnnxModelSession Cpu(string path) => OnnxModelSession.Create(path, OnnxExecutionProvider.Cpu, threads: 1);

    private static float[] RunHidden(OnnxModelSession session, long[] ids, long[] mask, CancellationToken cancellationToken)
    {
        long[] shape = [1, ids.Length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(new long[ids.Length], shape);
        using var output = session.Run(
            [BertOnnxModelWriter.InputIds, BertOnnxModelWriter.AttentionMask, BertOnnxModelWriter.TokenTypeIds],
            [idsValue, maskValue, typesValue], BertOnnxModelWriter.LastHiddenState, cancellationToken);
        return output.GetTensorDataAsSpan<float>().ToArray();
    }
}
