using DocRag.Core.Embeddings;
using DocRag.TestSupport;

namespace DocRag.Core.Tests.Embeddings;

public sealed class EmbeddingModelLocatorTests : IDisposable
{
    private readonly TempDirectory _models = new("docrag-models");

    [Fact]
    public void Locate_None_IsUnavailableWithReason()
    {
        var location = EmbeddingModelLocator.Locate(new EmbeddingOptions { Model = "None" }, _models.Path);

        Assert.False(location.Found);
        Assert.Contains("turned off", location.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_Empty_DiscoversFirstFolderWithOnnxAndTokenizer()
    {
        _models.WriteText("a-generator/model.gguf", "x");
        _models.WriteText("b-no-tokenizer/model.onnx", "x");
        _models.WriteText("c-minilm/onnx/model.onnx", "x");
        _models.WriteText("c-minilm/tokenizer.json", "{}");
        _models.WriteText("d-e5/model.onnx", "x");
        _models.WriteText("d-e5/vocab.txt", "x");

        var location = EmbeddingModelLocator.Locate(new EmbeddingOptions(), _models.Path);

        Assert.Equal(_models.Combine("c-minilm"), location.Directory);
    }

    [Fact]
    public void Locate_EmptyAndNothingThere_SaysWhatWasExpected()
    {
        var location = EmbeddingModelLocator.Locate(new EmbeddingOptions(), _models.Path);

        Assert.False(location.Found);
        Assert.Contains("no embedding model in", location.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_MissingModelsFolder_SaysSo()
    {
        var location = EmbeddingModelLocator.Locate(new EmbeddingOptions(), _models.Combine("absent"));

        Assert.Contains("does not exist", location.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_Name_ResolvesUnderModelsFolder()
    {
        _models.WriteText("my-model/model.onnx", "x");

        Assert.Equal(_models.Combine("my-model"), EmbeddingModelLocator.Locate(new EmbeddingOptions { Model = "my-model" }, _models.Path).Directory);
    }

    [Fact]
    public void Locate_AbsolutePath_IsUsed()
    {
        using var elsewhere = new TempDirectory();

        Assert.Equal(elsewhere.Path, EmbeddingModelLocator.Locate(new EmbeddingOptions { Model = elsewhere.Path }, _models.Path).Directory);
    }

    [Fact]
    public void Locate_UnknownName_SaysWhereItLooked()
    {
        var location = EmbeddingModelLocator.Locate(new EmbeddingOptions { Model = "nope" }, _models.Path);

        Assert.False(location.Found);
        Assert.Contains(_models.Combine("nope"), location.Reason, StringComparison.Ordinal);
    }

    public void Dispose() => _models.Dispose();
}
