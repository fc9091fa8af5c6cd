using System.Numerics.Tensors;
using DocRag.Core.Embeddings;
using DocRag.Core.Text;
using Microsoft.Extensions.AI;

namespace DocRag.Core.Tests.Embeddings;

public sealed class OnnxEmbeddingGeneratorTests(EmbeddingModelFixture models) : IClassFixture<EmbeddingModelFixture>
{
    private static readonly string[] Texts =
    [
        "the cat sat on the mat",
        "a",
        "dogs and cats are friends but not always and not everywhere in the world",
        "hello world",
        "one two three four five six seven eight nine ten eleven twelve",
        "short text",
        "the quick brown fox",
        "eight texts or more are tokenized in parallel",
    ];

    [Fact]
    public async Task GenerateAsync_Texts_GivesUnitVectorsOfModelDimension()
    {
        using var generator = EmbeddingModelFixture.Load(models.MeanFolder);

        var embeddings = await generator.GenerateAsync(Texts);

        Assert.Equal(Texts.Length, embeddings.Count);
        Assert.Equal(32, generator.Dimensions);
        Assert.All(embeddings, e =>
        {
            Assert.Equal(32, e.Vector.Length);
            Assert.Equal(1f, TensorPrimitives.Norm(e.Vector.Span), 4);
            Assert.Equal(generator.ModelId, e.ModelId);
        });
    }

    [Fact]
    public async Task GenerateAsync_SameTextAgain_GivesTheSameVector()
    {
        using var generator = EmbeddingModelFixture.Load(models.MeanFolder);

        var first = await generator.GenerateAsync(["the cat sat on the mat", "the cat sat on the mat"]);
        var again = await generator.GenerateAsync(["the cat sat on the mat"]);

        Assert.Equal(first[0].Vector.ToArray(), first[1].Vector.ToArray());
        Assert.Equal(first[0].Vector.ToArray(), again[0].Vector.ToArray());
    }

    [Fact]
    public async Task GenerateAsync_SmallBatchesOfMixedLengths_KeepsInputOrder()
    {
        using var batched = EmbeddingModelFixture.Load(models.MeanFolder, options: new EmbeddingOptions { ExecutionProvider = "cpu", IntraOpThreads = 1, BatchSize = 2 });

        var together = await batched.GenerateAsync(Texts);

        for (var i = 0; i < Texts.Length; i++)
        {
            var alone = (await batched.GenerateAsync([Texts[i]]))[0];
            Assert.True(Cosine(alone, together[i]) > 0.99999f, $"text {i} lost its place or changed with padding");
            for (var j = 0; j < Texts.Length; j++)
            {
                if (j != i)
                {
                    Assert.True(Cosine(alone, together[j]) < 0.9999f, $"text {i} matches text {j}");
                }
            }
        }
    }

    [Fact]
    public async Task GenerateAsync_Empty_GivesNoEmbeddings()
    {
        using var generator = EmbeddingModelFixture.Load(models.MeanFolder);

        var embeddings = await generator.GenerateAsync([]);

        Assert.Empty(embeddings);
    }

    [Fact]
    public async Task GenerateAsync_ReportsInputTokenUsage()
    {
        using var generator = EmbeddingModelFixture.Load(models.MeanFolder);

        var embeddings = await generator.GenerateAsync(["hello world", "a b c"]);

        Assert.Equal(4 + 5, embeddings.Usage?.InputTokenCount);
    }

    [Fact]
    public async Task GenerateAsync_CancelledToken_Throws()
    {
        using var generator = EmbeddingModelFixture.Load(models.MeanFolder);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => generator.GenerateAsync(Texts, cancellationToken: cts.Token));
    }

    [Fact]
    public async Task GenerateAsync_FewerDimensionsAsked_TruncatesAndRenormalises()
    {
        using var generator = EmbeddingModelFixture.Load(models.MeanFolder);

        var full = (await generator.GenerateAsync(["hello world"]))[0].Vector.ToArray();
        var short8 = (await generator.GenerateAsync(["hello world"], new EmbeddingGenerationOptions { Dimensions = 8 }))[0].Vector.ToArray();

        Assert.Equal(8, short8.Length);
        Assert.Equal(1f, TensorPrimitives.Norm(short8), 4);
        Assert.True(TensorPrimitives.CosineSimilarity(full.AsSpan(0, 8), short8) > 0.99999f);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => generator.GenerateAsync(["x"], new EmbeddingGenerationOptions { Dimensions = 33 }));
    }

    [Fact]
    public void GetService_GivesMetadataAndTokenCounter()
    {
        var tokenizer = new FakeTokenizer();
        using var generator = EmbeddingModelFixture.Load(models.MeanFolder, tokenizer);

        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();

        Assert.NotNull(metadata);
        Assert.Equal(32, metadata.DefaultModelDimensions);
        Assert.Matches("^tiny-mean@[0-9a-f]{12}$", metadata.DefaultModelId);
        Assert.Equal(OnnxEmbeddingGenerator.ProviderName, metadata.ProviderName);
        Assert.Same(tokenizer, generator.GetService<ITokenCounter>());
        Assert.Same(generator, generator.GetService<OnnxEmbeddingGenerator>());
        Assert.Null(generator.GetService<ITokenCounter>("some key"));
    }

    [Fact]
    public void ModelId_SameFileSameName_IsStable_ChangedFile_Differs()
    {
        using var first = EmbeddingModelFixture.Load(models.MeanFolder);
        using var second = EmbeddingModelFixture.Load(models.MeanFolder);
        var copy = models.Directory.Combine("copy", "tiny-mean");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(models.NoTypesFolder))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        using var changed = EmbeddingModelFixture.Load(copy);

        Assert.Equal(first.ModelId, second.ModelId);
        Assert.NotEqual(first.ModelId, changed.ModelId);
        Assert.StartsWith("tiny-mean@", changed.ModelId, StringComparison.Ordinal);
    }

    internal static float Cosine(Embedding<float> a, Embedding<float> b) => TensorPrimitives.CosineSimilarity(a.Vector.Span, b.Vector.Span);
}
