using DocRag.Core.Embeddings;
using Microsoft.ML.OnnxRuntime;
using DocRag.TestSupport;
using DocRag.TestSupport.Onnx;

namespace DocRag.Core.Tests.Embeddings;

/// <summary>The generated test models: reproducible, and loadable by the real ONNX Runtime with the promised inputs and outputs.</summary>
public sealed class BertOnnxModelWriterTests
{
    private static readonly BertModelOptions Small = BertModelOptions.Tiny with { VocabSize = 200, HiddenSize = 16, Heads = 2, IntermediateSize = 32, MaxPositions = 16 };

    [Fact]
    public void Build_SameSeed_IsByteIdentical()
    {
        Assert.Equal(BertOnnxModelWriter.Build(Small), BertOnnxModelWriter.Build(Small));
    }

    [Fact]
    public void Build_OtherSeed_Differs()
    {
        Assert.NotEqual(BertOnnxModelWriter.Build(Small), BertOnnxModelWriter.Build(Small with { Seed = 7 }));
    }

    [Fact]
    public void Build_WithoutTokenTypes_HasTwoInputs()
    {
        using var dir = new TempDirectory();
        var path = BertOnnxModelWriter.Write(dir.Combine("model.onnx"), Small with { IncludeTokenTypeIds = false });

        using var session = OnnxModelSession.Create(path, OnnxExecutionProvider.Cpu, threads: 1);

        Assert.Equal([BertOnnxModelWriter.InputIds, BertOnnxModelWriter.AttentionMask], session.Inputs.Select(i => i.Name));
    }

    [Fact]
    public void Build_WithSentenceEmbedding_OutputsPooledProjection()
    {
        using var dir = new TempDirectory();
        var path = BertOnnxModelWriter.Write(dir.Combine("model.onnx"), Small with { SentenceEmbeddingDimension = 12 });

        using var session = OnnxModelSession.Create(path, OnnxExecutionProvider.Cpu, threads: 1);

        Assert.Equal([BertOnnxModelWriter.LastHiddenState, BertOnnxModelWriter.SentenceEmbedding], session.Outputs.Select(o => o.Name));
        Assert.Equal("[batch_size, 12]", session.Outputs[1].ShapeText);
        using var ids = OrtValue.CreateTensorValueFromMemory(new long[] { 1, 5, 9, 2, 1, 6, 2, 0 }, [2, 4]);
        using var mask = OrtValue.CreateTensorValueFromMemory(new long[] { 1, 1, 1, 1, 1, 1, 1, 0 }, [2, 4]);
        using var types = OrtValue.CreateTensorValueFromMemory(new long[8], [2, 4]);
        using var output = session.Run(["input_ids", "attention_mask", "token_type_ids"], [ids, mask, types], BertOnnxModelWriter.SentenceEmbedding);
        Assert.Equal([2L, 12L], output.GetTensorTypeAndShape().Shape);
    }
}
