using DocRag.Native.Llama;

namespace DocRag.Native.Tests.Llama;

public sealed class LlamaBackendTests
{
    [Fact]
    public void GetDevices_AfterLoadingFromNativeFolder_FindsCpuBackend()
    {
        var devices = LlamaBackend.GetDevices();

        Assert.NotNull(LlamaBackend.LoadedFrom);
        Assert.True(File.Exists(Path.Combine(LlamaBackend.LoadedFrom, "libllama.v0.5.0.so")));
        Assert.Contains(devices, d => d.Type == GgmlBackendDeviceType.Cpu);
    }

    [Fact]
    public void GetSystemInfo_ReportsCpuFeatures()
    {
        var info = LlamaBackend.GetSystemInfo();

        Assert.StartsWith("CPU :", info, StringComparison.Ordinal);
        Assert.Contains("SSE3", info, StringComparison.Ordinal);
    }
}
