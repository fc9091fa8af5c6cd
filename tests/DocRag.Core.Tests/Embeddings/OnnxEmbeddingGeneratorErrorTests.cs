using DocRag.Core.Embeddings;
using DocRag.TestSupport;
using DocRag.TestSupport.Onnx;

namespace DocRag.Core.Tests.Embeddings;

/// <summary>Bad model folders give one clear exception naming the file and the problem, never a crash.</summary>
public sealed class OnnxEmbeddingGeneratorErrorTests : IDisposable
{
    private static readonly EmbeddingOptions Cpu = new() { ExecutionProvider = "cpu", IntraOpThreads = 1 };
    private static readonly BertModelOptions Small = BertModelOptions.Tiny with { VocabSize = 200, HiddenSize = 16, Heads = 2, IntermediateSize = 32 };

    private readonly TempDirectory _dir = new("docrag-embed-errors");

    [Fact]
    public void Load_MissingFolder_NamesIt()
    {
        var path = _dir.Combine("absent");

        var error = Assert.Throws<EmbeddingModelException>(() => OnnxEmbeddingGenerator.Load(path, Cpu));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoOnnxFile_SaysSo()
    {
        var folder = Folder("no-onnx");
        File.Delete(Path.Combine(folder, "model.onnx"));

        var error = Assert.Throws<EmbeddingModelException>(() => OnnxEmbeddingGenerator.Load(folder, Cpu));

        Assert.Contains("no ONNX file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoTokenizer_SaysSo()
    {
        var folder = Folder("no-tokenizer");
        File.Delete(Path.Combine(folder, "vocab.txt"));

        var error = Assert.Throws<EmbeddingModelException>(() => OnnxEmbeddingGenerator.Load(folder, Cpu));

        Assert.Contains("no tokenizer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TruncatedOnnx_NamesTheFile()
    {
        var folder = Folder("truncated");
        var model = Path.Combine(folder, "model.onnx");
        var bytes = File.ReadAllBytes(model);
        File.WriteAllBytes(model, bytes[..(bytes.Length / 3)]);

        var error = Assert.Throws<EmbeddingModelException>(() => OnnxEmbeddingGenerator.Load(folder, Cpu));

        Assert.Contains(model, error.Message, StringComparison.Ordinal);
        Assert.Contains("could not load the model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ModelWithOtherOutputs_SaysItIsNotAnEmbeddingModel()
    {
        var folder = Folder("classifier");
        var builder = new OnnxModelBuilder("classifier");
        builder.AddInput("input_ids", OnnxModelBuilder.ElementInt64, "batch", "sequence");
        builder.NodeTo("Cast", ["input_ids"], ["logits"], OnnxAttr.Of("to", (long)OnnxModelBuilder.ElementFloat));
        builder.AddOutput("logits", OnnxModelBuilder.ElementFloat, "batch", "sequence");
        File.WriteAllBytes(Path.Combine(folder, "model.onnx"), builder.Build());

        var error = Assert.Throws<EmbeddingModelException>(() => OnnxEmbeddingGenerator.Load(folder, Cpu));

        Assert.Contains("no 'sentence_embedding' or 'last_hidden_state' output", error.Message, StringComparison.Ordinal);
        Assert.Contains("logits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ModelWithUnknownInput_SaysWhichInput()
    {
        var folder = Folder("extra-input");
        var builder = new OnnxModelBuilder("extra");
        builder.AddInput("input_ids", OnnxModelBuilder.ElementInt64, "batch", "sequence");
        builder.AddInput("pixel_values", OnnxModelBuilder.ElementFloat, "batch", "sequence");
        builder.NodeTo("Identity", ["pixel_values"], ["last_hidden_state"]);
        builder.AddOutput("last_hidden_state", OnnxModelBuilder.ElementFloat, "batch", "sequence");
        File.WriteAllBytes(Path.Combine(folder, "model.onnx"), builder.Build());

        var error = Assert.Throws<EmbeddingModelException>(() => OnnxEmbeddingGenerator.Load(folder, Cpu));

        Assert.Contains("'pixel_values'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BrokenPoolingConfig_NamesTheFile()
    {
        var folder = Folder("bad-json");
        File.WriteAllText(Path.Combine(folder, "1_Pooling", "config.json"), "{ not json");

        var error = Assert.Throws<EmbeddingModelException>(() => OnnxEmbeddingGenerator.Load(folder, Cpu));

        Assert.Contains(Path.Combine("1_Pooling", "config.json"), error.Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnsupportedPooling_SaysWhich()
    {
        var folder = Folder("weighted");
        File.WriteAllText(Path.Combine(folder, "1_Pooling", "config.json"), """{"pooling_mode_weightedmean_tokens": true}""");

        var error = Assert.Throws<EmbeddingModelException>(() => OnnxEmbeddingGenerator.Load(folder, Cpu));

        Assert.Contains("pooling_mode_weightedmean_tokens", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CudaProviderWithoutGpu_FailsClearly()
    {
        var folder = Folder("cuda");

        var error = Assert.Throws<EmbeddingModelException>(() => OnnxEmbeddingGenerator.Load(folder, new EmbeddingOptions { ExecutionProvider = "cuda" }));

        Assert.Contains("CUDA execution provider", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AutoProviderWithoutGpu_RunsOnCpuAndSaysWhy()
    {
        using var generator = OnnxEmbeddingGenerator.Load(Folder("auto"), new EmbeddingOptions { ExecutionProvider = "auto", IntraOpThreads = 1 });

        Assert.Equal("cpu", generator.Device);
        Assert.Contains("CUDA", generator.CudaFallbackReason, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    private string Folder(string name) => EmbeddingModelFolderWriter.Write(_dir.Combine(name), new EmbeddingFolderSpec { Model = Small });
}
