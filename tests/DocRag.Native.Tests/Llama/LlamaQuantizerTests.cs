using DocRag.Native.Llama;
using DocRag.TestSupport;
using DocRag.TestSupport.Gguf;

namespace DocRag.Native.Tests.Llama;

public sealed class LlamaQuantizerTests
{
    [Fact]
    public void Quantize_F32ToQ8_0_WritesLoadableSmallerModel()
    {
        using var dir = new TempDirectory();
        var input = TestLlamaModel.WriteTiny(dir.Path);
        var output = dir.Combine("tiny-q8.gguf");

        LlamaQuantizer.Quantize(input, output, LlamaFileType.MostlyQ8_0, threads: 1);

        using var model = LlamaModel.Load(output);
        using var context = model.CreateContext(new LlamaContextOptions { ContextSize = 64 });
        context.Decode(model.Vocabulary.Tokenize("the girl", addSpecial: true, parseSpecial: false));
        Assert.Equal(LlamaFileType.MostlyQ8_0, model.FileType);
        Assert.True(new FileInfo(output).Length < new FileInfo(input).Length);
    }

    [Fact]
    public void Quantize_NotAModel_ThrowsLlamaException()
    {
        using var dir = new TempDirectory();
        var input = dir.WriteText("bad.gguf", "not a model");

        var ex = Assert.Throws<LlamaException>(() => LlamaQuantizer.Quantize(input, dir.Combine("out.gguf"), LlamaFileType.MostlyQ8_0));

        Assert.Contains("bad.gguf", ex.Message, StringComparison.Ordinal);
    }
}
