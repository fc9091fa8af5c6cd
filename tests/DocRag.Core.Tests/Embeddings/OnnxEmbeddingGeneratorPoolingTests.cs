using System.Numerics.Tensors;
using DocRag.Core.Embeddings;
using Microsoft.ML.OnnxRuntime;

namespace DocRag.Core.Tests.Embeddings;

/// <summary>Pooling and the sentence_embedding path, checked against the model's raw outputs computed here by hand.</summary>
public sealed class OnnxEmbeddingGeneratorPoolingTests(EmbeddingModelFixture models) : IClassFixture<EmbeddingModelFixture>
{
    private const string Text = "the cat sat on the mat and looked at the dog";

    [Theory]
    [InlineData("mean", EmbeddingPooling.Mean)]
    [InlineData("cls", EmbeddingPooling.Cls)]
    [InlineData("max", EmbeddingPooling.Max)]
    public async Task GenerateAsync_PoolingConfig_PoolsTokenVectorsThatWay(string folderKind, EmbeddingPooling pooling)
    {
        var folder = folderKind switch { "cls" => models.ClsFolder, "max" => models.MaxFolder, _ => models.MeanFolder };
        using var generator = EmbeddingModelFixture.Load(folder);

        var actual = (await generator.GenerateAsync([Text]))[0].Vector.ToArray();

        Assert.Equal(pooling, generator.Pooling);
        var hidden = RawOutput(Path.Combine(folder, "model.onnx"), Text, "last_hidden_state", out var tokens);
        var expected = new float[32];
        for (var d = 0; d < 32; d++)
        {
            var column = Enumerable.Range(0, tokens).Select(t => hidden[(t * 32) + d]).ToArray();
            expected[d] = pooling switch
            {
                EmbeddingPooling.Cls => column[0],
                EmbeddingPooling.Max => column.Max(),
                _ => column.Average(),
            };
        }

        var norm = MathF.Sqrt(expected.Sum(v => v * v));
        for (var d = 0; d < 32; d++)
        {
            Assert.Equal(expected[d] / norm, actual[d], 5);
        }
    }

    [Fact]
    public async Task GenerateAsync_PoolingModes_GiveDifferentVectors()
    {
        using var mean = EmbeddingModelFixture.Load(models.MeanFolder);
        using var cls = EmbeddingModelFixture.Load(models.ClsFolder);

        var a = (await mean.GenerateAsync([Text]))[0].Vector.ToArray();
        var b = (await cls.GenerateAsync([Text]))[0].Vector.ToArray();

        Assert.True(TensorPrimitives.CosineSimilarity(a, b) < 0.999f);
    }

    [Fact]
    public async Task GenerateAsync_ModelWithSentenceEmbedding_UsesThatOutput()
    {
        using var generator = EmbeddingModelFixture.Load(models.PooledFolder);

        var actual = (await generator.GenerateAsync([Text]))[0].Vector.ToArray();

        Assert.Null(generator.Pooling);
        Assert.Equal(24, generator.Dimensions);
        var raw = RawOutput(Path.Combine(models.PooledFolder, "model.onnx"), Text, "sentence_embedding", out _);
        var norm = MathF.Sqrt(raw.Sum(v => v * v));
        Assert.Equal(raw.Select(v => v / norm), actual, (x, y) => MathF.Abs(x - y) < 1e-5f);
    }

    [Fact]
    public async Task GenerateAsync_ModelWithoutTokenTypeIds_Works()
    {
        using var generator = EmbeddingModelFixture.Load(models.NoTypesFolder);

        var embeddings = await generator.GenerateAsync(["hello world", Text]);

        Assert.Equal(2, embeddings.Count);
        Assert.Equal(1f, TensorPrimitives.Norm(embeddings[1].Vector.Span), 4);
    }

    /// <summary>Runs the model directly on the fake tokenizer's ids for one text, no padding.</summary>
    private static float[] RawOutput(string modelPath, string text, string output, out int tokens)
    {
        var encoded = new FakeTokenizer().Encode(text, 64);
        tokens = encoded.Length;
        using var session = new InferenceSession(modelPath);
        long[] shape = [1, tokens];
        using var ids = OrtValue.CreateTensorValueFromMemory(encoded.InputIds.Select(i => (long)i).ToArray(), shape);
        using var mask = OrtValue.CreateTensorValueFromMemory(Enumerable.Repeat(1L, tokens).ToArray(), shape);
        using var types = OrtValue.CreateTensorValueFromMemory(new long[tokens], shape);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, ["input_ids", "attention_mask", "token_type_ids"], [ids, mask, types], [output]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }
}
