using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using DocRag.Cli.Commands;
using DocRag.Core.Embeddings;
using DocRag.TestSupport;
using DocRag.TestSupport.Onnx;

namespace DocRag.Cli.Tests.Commands;

public sealed class EmbedCommandTests : IDisposable
{
    private static readonly BertModelOptions Small = BertModelOptions.Tiny with { VocabSize = 200, HiddenSize = 16, Heads = 2, IntermediateSize = 32 };

    private readonly TempDirectory _models = new("docrag-cli-embed");

    [Fact]
    public async Task Embed_Texts_PrintsOneUnitVectorPerTextInOrder()
    {
        var folder = Write("small-model");

        var (code, stdout, stderr) = await RunAsync("embed", "--provider", "cpu", "--model", folder, "hello world", "the cat sat on the mat");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        var vectors = Parse(stdout);
        Assert.Equal(2, vectors.Length);
        using var generator = OnnxEmbeddingGenerator.Load(folder, new EmbeddingOptions { ExecutionProvider = "cpu" });
        var expected = await generator.GenerateAsync(["hello world", "the cat sat on the mat"]);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(16, vectors[i].Length);
            Assert.Equal(1.0, Math.Sqrt(vectors[i].Sum(v => v * v)), 4);
            Assert.Equal(expected[i].Vector.ToArray(), vectors[i]);
        }
    }

    [Fact]
    public async Task Embed_Query_AppliesTheQueryPrefix()
    {
        Write("small-e5");

        var (_, passage, _) = await RunAsync("embed", "--models", _models.Path, "--model", "small-e5", "--provider", "cpu", "hello world");
        var (code, query, _) = await RunAsync("embed", "--models", _models.Path, "--model", "small-e5", "--provider", "cpu", "--query", "hello world");

        Assert.Equal(0, code);
        Assert.NotEqual(Parse(passage)[0], Parse(query)[0]);
    }

    [Fact]
    public async Task Embed_MissingModel_FailsWithOneLine()
    {
        var (code, stdout, stderr) = await RunAsync("embed", "--model", _models.Combine("absent"), "hello");

        Assert.NotEqual(0, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("docrag embed: ", stderr, StringComparison.Ordinal);
        Assert.Contains("was not found", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Embed_CorruptModel_FailsWithOneLineNamingTheFile()
    {
        var folder = Write("corrupt");
        var model = Path.Combine(folder, "model.onnx");
        await File.WriteAllTextAsync(model, "not an onnx file");

        var (code, stdout, stderr) = await RunAsync("embed", "--provider", "cpu", "--model", folder, "hello");

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(model, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Embed_BadProvider_FailsWithOneLine()
    {
        var folder = Write("provider");

        var (code, _, stderr) = await RunAsync("embed", "--provider", "tpu", "--model", folder, "hello");

        Assert.Equal(2, code);
        Assert.Contains("--provider must be cpu, cuda or auto", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Embed_SixtyThousandCharacterArgument_WorksInTheRealProcess()
    {
        // ONNX Runtime 1.30 as DocRag once loaded it killed the process in CreateEnvWithCustomLogger on a long command line.
        var folder = Write("long-argument");
        var text = string.Concat(Enumerable.Repeat("w", 60_000));

        var (code, stdout, stderr) = await RunProcessAsync(["embed", "--provider", "cpu", "--model", folder, text], stdin: null);

        Assert.True(code == 0, $"exit {code}: {stderr}");
        var vector = Assert.Single(Parse(stdout));
        Assert.Equal(1.0, Math.Sqrt(vector.Sum(v => v * v)), 4);
    }

    [Fact]
    public async Task Embed_Dash_ReadsOneTextFromStandardInput()
    {
        var folder = Write("stdin");
        var text = "the cat sat on the mat\nand then it slept " + string.Concat(Enumerable.Repeat("again ", 5_000));

        var (code, stdout, stderr) = await RunProcessAsync(["embed", "--provider", "cpu", "--model", folder, "hello world", "-"], stdin: text);

        Assert.True(code == 0, $"exit {code}: {stderr}");
        var vectors = Parse(stdout);
        Assert.Equal(2, vectors.Length);
        using var generator = OnnxEmbeddingGenerator.Load(folder, new EmbeddingOptions { ExecutionProvider = "cpu" });
        var expected = await generator.GenerateAsync(["hello world", text]);
        Assert.Equal(expected[0].Vector.ToArray(), vectors[0]);
        Assert.Equal(expected[1].Vector.ToArray(), vectors[1]);
    }

    [Fact]
    public async Task Embed_File_EmbedsTheWholeFileAsOneTextAfterTheArguments()
    {
        var folder = Write("file");
        var text = "Überschrift\n\nA long document, read from a file. " + string.Concat(Enumerable.Repeat("More text. ", 3_000));
        var file = _models.WriteText("document.txt", text);

        var (code, stdout, stderr) = await RunAsync("embed", "--provider", "cpu", "--model", folder, "--file", file, "first");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        var vectors = Parse(stdout);
        using var generator = OnnxEmbeddingGenerator.Load(folder, new EmbeddingOptions { ExecutionProvider = "cpu" });
        var expected = await generator.GenerateAsync(["first", text]);
        Assert.Equal(expected[0].Vector.ToArray(), vectors[0]);
        Assert.Equal(expected[1].Vector.ToArray(), vectors[1]);
    }

    [Fact]
    public async Task Embed_MissingFile_FailsWithOneLineNamingIt()
    {
        var folder = Write("missing-file");
        var file = _models.Combine("absent.txt");

        var (code, stdout, stderr) = await RunAsync("embed", "--provider", "cpu", "--model", folder, "--file", file);

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(file, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Embed_NoText_FailsSayingWhatToGive()
    {
        var (code, _, stderr) = await RunAsync("embed", "--provider", "cpu", "--model", Write("no-text"));

        Assert.Equal(2, code);
        Assert.Contains("--file PATH", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _models.Dispose();

    /// <summary>Runs <c>dotnet docrag.dll ARGS</c> as its own process, feeding <paramref name="stdin"/> (closed when null).</summary>
    private static async Task<(int Code, string Stdout, string Stderr)> RunProcessAsync(string[] args, string? stdin)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var info = new ProcessStartInfo(dotnet)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "docrag.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    private string Write(string name) => EmbeddingModelFolderWriter.Write(_models.Combine(name), new EmbeddingFolderSpec { Model = Small });

    private static float[][] Parse(string json) =>
        JsonSerializer.Deserialize<float[][]>(json) ?? throw new InvalidOperationException("no JSON on stdout");

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await DocRagCommandLine.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (code, stdout.ToString(), stderr.ToString());
    }
}
