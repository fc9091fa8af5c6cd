using System.Numerics.Tensors;
using System.Security.Cryptography;
using System.Text.Json;
using DocRag.Core.Embeddings;
using DocRag.TestSupport;
using DocRag.TestSupport.Onnx;

namespace DocRag.Core.Tests.Embeddings;

/// <summary>
/// Parity with the reference stack: the generated tiny model and the real all-MiniLM-L6-v2 tokenizer give the vectors
/// that onnxruntime-node + @huggingface/transformers computed on the same files (tools/golden/embeddings).
/// </summary>
public sealed class OnnxEmbeddingGeneratorParityTests
{
    private static readonly string GoldenPath = Path.Combine(AppContext.BaseDirectory, "Embeddings", "TestData", "minilm-tokenizer-tiny-model.golden.json");

    [SharedModelsFact]
    public async Task GenerateAsync_MiniLmTokenizerAndGeneratedModel_MatchesGoldenVectors()
    {
        using var golden = JsonDocument.Parse(File.ReadAllBytes(GoldenPath));
        var root = golden.RootElement;
        var maxLength = root.GetProperty("maxSeqLength").GetInt32();
        using var dir = new TempDirectory("docrag-parity");
        var folder = EmbeddingModelFolderWriter.Write(dir.Combine("tiny-minilm"), new EmbeddingFolderSpec
        {
            Model = BertModelOptions.Tiny with { Seed = root.GetProperty("model").GetProperty("seed").GetUInt64() },
            TokenizerDirectory = Path.Combine(TestEnvironment.ModelsDirectory, "all-MiniLM-L6-v2-tokenizer"),
            MaxSequenceLength = maxLength,
        });

        // The same writer and seed must give the very file the golden vectors were computed on.
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, "model.onnx"))));
        Assert.Equal(root.GetProperty("model").GetProperty("sha256").GetString(), sha);

        using var generator = OnnxEmbeddingGenerator.Load(folder, new EmbeddingOptions { ExecutionProvider = "cpu", IntraOpThreads = 1, BatchSize = 8 });
        var cases = root.GetProperty("cases").EnumerateArray().ToList();
        var texts = cases.Select(c => c.GetProperty("text").GetString()!).ToList();
        var embeddings = await generator.GenerateAsync(texts);

        Assert.Equal(50, cases.Count);
        for (var i = 0; i < cases.Count; i++)
        {
            var expectedIds = cases[i].GetProperty("ids").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            Assert.Equal(expectedIds, generator.Tokenizer.Encode(texts[i], maxLength).InputIds);
            var expected = cases[i].GetProperty("vector").EnumerateArray().Select(e => e.GetSingle()).ToArray();
            var cosine = TensorPrimitives.CosineSimilarity(expected, embeddings[i].Vector.Span);
            Assert.True(cosine >= 0.9999f, $"case {i} ({texts[i]}): cosine {cosine}");
        }
    }
}
