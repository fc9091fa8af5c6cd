using DocRag.Native.Llama;

namespace DocRag.Native.Tests.Llama;

public sealed class LlamaBackendTests
{
    [Fact]
    public void GetDevices_AfterLoadingLLamaSharpsCpuBuild_FindsCpuBackend()
    {
        var devices = LlamaBackend.GetDevices();

        Assert.StartsWith("CPU, ", LlamaBackend.LoadedBuild, StringComparison.Ordinal);
        Assert.Contains(devices, d => d.Type == GgmlBackendDeviceType.Cpu);
    }

    [Fact]
    public void Output_CarriesLinuxX64NativesOnly()
    {
        var runtimes = Path.Combine(AppContext.BaseDirectory, "runtimes");

        Assert.Equal(["linux-x64"], Directory.EnumerateDirectories(runtimes).Select(Path.GetFileName));
        Assert.True(File.Exists(Path.Combine(runtimes, "linux-x64", "native", "avx2", "libllama.so")));
    }

    [Fact]
    public void GetSystemInfo_ReportsCpuFeatures()
    {
        var info = LlamaBackend.GetSystemInfo();

        Assert.StartsWith("CPU :", info, StringComparison.Ordinal);
        Assert.Contains("SSE3", info, StringComparison.Ordinal);
    }
}
