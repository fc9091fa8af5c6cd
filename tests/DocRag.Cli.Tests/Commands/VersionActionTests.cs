namespace DocRag.Cli.Tests.Commands;

public sealed class VersionActionTests
{
    [Fact]
    public async Task Version_ReportsThePackagesAndTheNativeRuntimesLoaded()
    {
        var (code, output, error) = await CliRunner.RunAsync("--version");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("docrag ", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("ONNX Runtime 1.32.0 (Microsoft.ML.OnnxRuntime", StringComparison.Ordinal) && l.Contains("loaded 1.32.0; providers ", StringComparison.Ordinal)
            && l.Contains("CPUExecutionProvider", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("llama.cpp c0c7e147 (LLamaSharp 0.30.0): loaded CPU, ", StringComparison.Ordinal)
            && l.Contains("AVX", StringComparison.Ordinal));
    }
}
