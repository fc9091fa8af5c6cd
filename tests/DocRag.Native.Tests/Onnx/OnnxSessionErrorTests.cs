using DocRag.Native.Onnx;

namespace DocRag.Native.Tests.Onnx;

public sealed class OnnxSessionErrorTests(TinyModelFixture model) : IClassFixture<TinyModelFixture>
{
    private static readonly OnnxSessionSettings Cpu = new() { ExecutionProvider = OnnxExecutionProvider.Cpu, IntraOpThreads = 1 };

    [Fact]
    public void Create_MissingFile_ThrowsFileNotFoundNamingIt()
    {
        var path = model.Directory.Combine("absent.onnx");

        var error = Assert.Throws<FileNotFoundException>(() => OnnxSession.Create(path, Cpu));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_TruncatedFile_ThrowsClearOrtError()
    {
        var bytes = File.ReadAllBytes(model.ModelPath);
        var path = model.Directory.Combine("truncated.onnx");
        File.WriteAllBytes(path, bytes.AsSpan(0, bytes.Length / 2).ToArray());

        var error = Assert.Throws<OnnxRuntimeException>(() => OnnxSession.Create(path, Cpu));

        Assert.Contains("could not load the model", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.NotEqual(OrtErrorCode.Ok, error.ErrorCode);
    }

    [Fact]
    public void Create_NotAnOnnxFile_ThrowsClearOrtError()
    {
        var path = model.Directory.WriteText("text.onnx", "this is not a model, just some words\n");

        var error = Assert.Throws<OnnxRuntimeException>(() => OnnxSession.Create(path, Cpu));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_EmptyFile_ThrowsClearOrtError()
    {
        var path = model.Directory.WriteText("empty.onnx", string.Empty);

        Assert.Throws<OnnxRuntimeException>(() => OnnxSession.Create(path, Cpu));
    }

    [Fact]
    public void Create_CudaWithoutGpu_FailsSayingWhy()
    {
        var settings = Cpu with { ExecutionProvider = OnnxExecutionProvider.Cuda };

        var error = Assert.Throws<OnnxRuntimeException>(() => OnnxSession.Create(model.ModelPath, settings));

        Assert.Contains("CUDA execution provider", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_AutoWithoutGpu_FallsBackToCpuWithReason()
    {
        using var session = OnnxSession.Create(model.ModelPath, Cpu with { ExecutionProvider = OnnxExecutionProvider.Auto });

        Assert.Equal(OnnxExecutionProvider.Cpu, session.ExecutionProvider);
        Assert.Contains("CUDA", session.FallbackReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_AutoOnCorruptFile_ReportsTheModelError()
    {
        var path = model.Directory.WriteText("corrupt.onnx", "\u0008\u0007garbage");

        var error = Assert.Throws<OnnxRuntimeException>(() => OnnxSession.Create(path, Cpu with { ExecutionProvider = OnnxExecutionProvider.Auto }));

        Assert.StartsWith("ONNX Runtime could not load the model '", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateTensor_LengthNotMatchingShape_Throws()
    {
        Assert.Throws<ArgumentException>(() => OnnxValue.CreateTensor(new long[3].AsMemory(), [2, 2]));
    }

    [Fact]
    public void GetTensorData_WrongElementType_Throws()
    {
        using var value = OnnxValue.CreateTensor(new float[4].AsMemory(), [2, 2]);

        Assert.Throws<InvalidOperationException>(() => value.GetTensorData<long>().Length);
        Assert.Equal(OnnxElementType.Float, value.ElementType);
        Assert.Equal([2L, 2L], value.GetShape());
    }
}
