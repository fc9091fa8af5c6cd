using DocRag.Native.Onnx;

namespace DocRag.Native.Tests.Onnx;

public sealed class OnnxRuntimeInfoTests
{
    [Fact]
    public void GetVersionString_ThroughResolver_IsPinnedVersion()
    {
        Assert.Equal(NativeVersions.OnnxRuntime, OnnxRuntimeInfo.GetVersionString());
    }
}
