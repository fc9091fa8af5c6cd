using System.Numerics.Tensors;
using DocRag.Core.Embeddings;
using DocRag.TestSupport.Onnx;

namespace DocRag.Core.Tests.Embeddings;

/// <summary>Prefixes and sequence length.</summary>
public sealed class OnnxEmbeddingGeneratorInputTests(EmbeddingModelFixture models) : IClassFixture<EmbeddingModelFixture>
{
    [Fact]
    public async Task GenerateAsync_QueryPurpose_AppliesQueryPrefix_DefaultIsPassage()
    {
        var tokenizer = new FakeTokenizer();
        var options = new EmbeddingOptions { ExecutionProvider = "cpu", IntraOpThreads = 1, QueryPrefix = "Q: ", PassagePrefix = "P: " };
        using var generator = EmbeddingModelFixture.Load(models.MeanFolder, tokenizer, options);

        var query = (await generator.GenerateAsync(["cats"], EmbeddingPurposeExtensions.ForQuery()))[0];
        var passage = (await generator.GenerateAsync(["cats"]))[0];

        Assert.Contains("Q: cats", tokenizer.Encoded);
        Assert.Contains("P: cats", tokenizer.Encoded);
        Assert.True(TensorPrimitives.CosineSimilarity(query.Vector.Span, passage.Vector.Span) < 0.9999f);
    }

    [Fact]
    public void Load_E5Folder_DefaultsToE5Prefixes_OtherFolders_ToNone()
    {
        using var e5 = EmbeddingModelFixture.Load(models.E5Folder);
        using var plain = EmbeddingModelFixture.Load(models.MeanFolder);

        Assert.Equal("query: ", e5.QueryPrefix);
        Assert.Equal("passage: ", e5.PassagePrefix);
        Assert.Equal(string.Empty, plain.QueryPrefix);
        Assert.Equal(string.Empty, plain.PassagePrefix);
    }

    [Fact]
    public async Task GenerateAsync_LongText_IsTruncatedAtMaxSequenceLength()
    {
        var tokenizer = new FakeTokenizer();
        using var generator = EmbeddingModelFixture.Load(models.MeanFolder, tokenizer);
        var words = Enumerable.Range(0, 300).Select(i => $"w{i}").ToArray();

        var whole = (await generator.GenerateAsync([string.Join(' ', words)]))[0];
        var head = (await generator.GenerateAsync([string.Join(' ', words.Take(62))]))[0];

        Assert.Equal(64, generator.MaxSequenceLength);
        Assert.True(TensorPrimitives.CosineSimilarity(whole.Vector.Span, head.Vector.Span) > 0.99999f);
    }

    [Fact]
    public void Load_MaxSequenceLength_OptionOverridesConfig_AndIsCappedByPositions()
    {
        var options = new EmbeddingOptions { ExecutionProvider = "cpu", IntraOpThreads = 1, MaxSequenceLength = 16 };
        using var overridden = EmbeddingModelFixture.Load(models.MeanFolder, options: options);
        using var capped = EmbeddingModelFixture.Load(models.MeanFolder, options: new EmbeddingOptions { ExecutionProvider = "cpu", IntraOpThreads = 1, MaxSequenceLength = 100_000 });
        var noConfig = EmbeddingModelFolderWriter.Write(models.Directory.Combine("no-sbert"), new EmbeddingFolderSpec { MaxSequenceLength = null });
        using var fromTokenizer = EmbeddingModelFixture.Load(noConfig, new FakeTokenizer(modelMaxLength: 100));
        using var fromPositions = EmbeddingModelFixture.Load(noConfig, new FakeTokenizer(modelMaxLength: null));

        Assert.Equal(16, overridden.MaxSequenceLength);
        Assert.Equal(128, capped.MaxSequenceLength);
        Assert.Equal(100, fromTokenizer.MaxSequenceLength);
        Assert.Equal(128, fromPositions.MaxSequenceLength);
    }
}
