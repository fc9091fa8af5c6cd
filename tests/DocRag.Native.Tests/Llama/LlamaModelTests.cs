using DocRag.Native.Llama;
using DocRag.TestSupport;
using DocRag.TestSupport.Gguf;

namespace DocRag.Native.Tests.Llama;

public sealed class LlamaModelTests
{
    [Fact]
    public void Load_GeneratedModel_ReportsItsShapeAndTemplate()
    {
        using var dir = new TempDirectory();
        var path = TestLlamaModel.WriteTiny(dir.Path);

        using var model = LlamaModel.Load(path);

        var shape = LlamaModelShape.Tiny;
        Assert.Equal("llama", model.Architecture);
        Assert.Equal(shape.ContextLength, model.TrainContextSize);
        Assert.Equal(shape.Hidden, model.EmbeddingSize);
        Assert.Equal(shape.Layers, model.LayerCount);
        Assert.Equal(shape.Heads, model.HeadCount);
        Assert.Equal(shape.KvHeads, model.HeadCountKv);
        Assert.Equal(shape.Parameters, model.ParameterCount);
        Assert.Equal("ALL_F32", model.FileType);
        Assert.Equal(TestLlamaModel.ChatMlTemplate, model.ChatTemplate);
        Assert.Equal("docrag-test-llama", model.GetMetadata("general.name"));
        Assert.Null(model.GetMetadata("no.such.key"));
        Assert.Contains("llama", model.Description, StringComparison.Ordinal);
        Assert.Equal(shape.VocabularySize, model.Vocabulary.Count);
        Assert.Equal(LlamaVocabType.SentencePiece, model.Vocabulary.Type);
        Assert.Equal(TestLlamaVocabulary.Bos, model.Vocabulary.BeginningOfSequence);
        Assert.Equal(TestLlamaVocabulary.Eos, model.Vocabulary.EndOfSequence);
        Assert.True(model.Vocabulary.IsEndOfGeneration(TestLlamaVocabulary.ImEnd));
    }

    [Fact]
    public void WriteTiny_SameSeed_SameBytes_OtherSeed_OtherWeights()
    {
        using var dir = new TempDirectory();

        var a = File.ReadAllBytes(TestLlamaModel.WriteTiny(dir.Path, "a.gguf", seed: 1));
        var b = File.ReadAllBytes(TestLlamaModel.WriteTiny(dir.Path, "b.gguf", seed: 1));
        var c = File.ReadAllBytes(TestLlamaModel.WriteTiny(dir.Path, "c.gguf", seed: 2));

        Assert.Equal(a, b);
        Assert.Equal(a.Length, c.Length);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Load_VocabOnly_TokenizesButCannotCreateContext()
    {
        using var dir = new TempDirectory();
        var path = TestLlamaModel.WriteTiny(dir.Path);

        using var model = LlamaModel.Load(path, new LlamaModelLoadOptions { VocabOnly = true });

        Assert.NotEmpty(model.Vocabulary.Tokenize("the little girl", addSpecial: true, parseSpecial: false));
        Assert.Throws<InvalidOperationException>(() => model.CreateContext());
    }

    [Fact]
    public void Load_NotAModel_ThrowsWithLlamaReason()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteText("not-a-model.gguf", "this is plain text, not GGUF");

        var ex = Assert.Throws<LlamaException>(() => LlamaModel.Load(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("no reason given", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => LlamaModel.Load("/nonexistent/model.gguf"));
    }

    [Fact]
    public void Dispose_ContextStillOpen_KeepsModelAliveUntilContextCloses()
    {
        using var dir = new TempDirectory();
        var model = LlamaModel.Load(TestLlamaModel.WriteTiny(dir.Path));
        var context = model.CreateContext(new LlamaContextOptions { ContextSize = 64 });

        model.Dispose();
        Assert.False(model.Handle.IsClosed); // the context's reference keeps the native model
        context.Decode([TestLlamaVocabulary.Bos]);
        context.Dispose();

        Assert.True(model.Handle.IsClosed);
    }
}
