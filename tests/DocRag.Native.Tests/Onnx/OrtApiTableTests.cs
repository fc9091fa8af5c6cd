using System.Runtime.InteropServices;
using DocRag.Native.Onnx;

namespace DocRag.Native.Tests.Onnx;

/// <summary>
/// Proves the <see cref="OrtApiIndex"/> positions by behaviour: a wrong index calls some other entry, which gives a
/// wrong answer (or crashes) here rather than in production.
/// </summary>
public sealed unsafe class OrtApiTableTests
{
    [Fact]
    public void CreateStatus_RoundTripsCodeAndMessage()
    {
        var status = default(nint);
        fixed (byte* message = "ünïcode message 42"u8)
        {
            status = OrtApi.CreateStatus(OrtErrorCode.InvalidProtobuf, message);
        }

        Assert.NotEqual(0, status);
        var error = OrtStatus.ToException(status, "context");

        Assert.Equal(OrtErrorCode.InvalidProtobuf, error.ErrorCode);
        Assert.Equal("context: ünïcode message 42 (ONNX Runtime InvalidProtobuf)", error.Message);
    }

    [Fact]
    public void ToException_OrtSourcePrefix_IsDropped()
    {
        nint status;
        fixed (byte* message = "/onnxruntime_src/core/x.cc:12 void f() [ONNXRuntimeError] : 1 : FAIL : Failed to load library"u8)
        {
            status = OrtApi.CreateStatus(OrtErrorCode.Fail, message);
        }

        Assert.Equal("ctx: Failed to load library (ONNX Runtime Fail)", OrtStatus.ToException(status, "ctx").Message);
    }

    [Fact]
    public void ThrowIfFailed_NullStatus_DoesNothing()
    {
        OrtStatus.ThrowIfFailed(0);
    }

    [Fact]
    public void ThrowIfFailed_ErrorStatus_ThrowsWithOrtCode()
    {
        nint status;
        fixed (byte* message = "no such thing"u8)
        {
            status = OrtApi.CreateStatus(OrtErrorCode.NoSuchFile, message);
        }

        var error = Assert.Throws<OnnxRuntimeException>(() => OrtStatus.ThrowIfFailed(status));

        Assert.Equal(OrtErrorCode.NoSuchFile, error.ErrorCode);
        Assert.Contains("no such thing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetBuildInfoString_DescribesAnOrtBuild()
    {
        var info = Marshal.PtrToStringUTF8((nint)OrtApi.GetBuildInfoString());

        Assert.StartsWith("ORT Build Info", info, StringComparison.Ordinal);
    }

    [Fact]
    public void GetAvailableProviders_ListsCpu()
    {
        Assert.Contains("CPUExecutionProvider", OnnxEnvironment.GetAvailableProviders());
    }

    [Fact]
    public void CpuMemoryInfo_IsCreated()
    {
        Assert.False(CpuMemory.Info.IsInvalid);
    }
}
