using System.CommandLine;
using DocRag.Cli.Commands;
using DocRag.TestSupport;
using DocRag.TestSupport.Gguf;

namespace DocRag.Cli.Tests.Commands;

public sealed class GenerateCommandTests
{
    [SharedModelsFact]
    public async Task Generate_Stories260KGreedy_StreamsContinuationToStdout()
    {
        using var dir = new TempDirectory();
        var model = TestEnvironment.ModelFile("stories260K", "stories260K.gguf");

        var (code, stdout, stderr) = await Run("--data", dir.Path, "generate", "--model", model, "--prompt", "Once upon a time", "--max-tokens", "11", "--temperature", "0");

        Assert.Equal(0, code);
        Assert.Equal(", there was a little girl named Lily.\n", stdout.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Empty(stderr);
    }

    [Fact]
    public async Task Generate_ChatWithModelInModelsFolder_AppliesTemplateAndStops()
    {
        using var dir = new TempDirectory();
        var models = Directory.CreateDirectory(dir.Combine("models")).FullName;
        TestLlamaModel.WriteTiny(models, "tiny.gguf");

        var (code, stdout, _) = await Run("--data", dir.Path, "--models", models, "generate", "--model", "tiny.gguf", "--prompt", "the girl", "--chat", "--max-tokens", "5", "--seed", "9");

        Assert.Equal(0, code);
        Assert.EndsWith("\n", stdout, StringComparison.Ordinal);
        // The name was resolved in the models folder and the file went through the host's probe.
        Assert.Contains(Path.Combine(models, "tiny.gguf"), File.ReadAllText(dir.Combine("cache", "model-probes.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_DamagedModel_ExitsNonZeroWithOneClearLine()
    {
        using var dir = new TempDirectory();
        var model = dir.WriteText("broken.gguf", "<html><body>Bad gateway</body></html>");

        var (code, stdout, stderr) = await Run("--data", dir.Path, "generate", "--model", model, "--prompt", "hi");

        Assert.NotEqual(0, code);
        Assert.Empty(stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("docrag generate: 'broken.gguf' is not a usable GGUF model", line, StringComparison.Ordinal);
        Assert.Contains("HTML", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_MissingModelFile_ExitsNonZero()
    {
        using var dir = new TempDirectory();

        var (code, _, stderr) = await Run("--data", dir.Path, "generate", "--model", "nope.gguf", "--prompt", "hi");

        Assert.Equal(1, code);
        Assert.Contains("'nope.gguf' not found", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await DocRagCommandLine.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (code, stdout.ToString(), stderr.ToString());
    }
}
