using DocRag.Native.Onnx;
using DocRag.TestSupport.Onnx;

namespace DocRag.Native.Tests.Onnx;

public sealed class OnnxSessionTests(TinyModelFixture model) : IClassFixture<TinyModelFixture>
{
    private static readonly OnnxSessionSettings Cpu = new() { ExecutionProvider = OnnxExecutionProvider.Cpu, IntraOpThreads = 1 };

    [Fact]
    public void Create_GeneratedModel_DiscoversInputsAndOutputs()
    {
        using var session = OnnxSession.Create(model.ModelPath, Cpu);

        Assert.Equal([BertOnnxModelWriter.InputIds, BertOnnxModelWriter.AttentionMask, BertOnnxModelWriter.TokenTypeIds], session.Inputs.Select(i => i.Name));
        var ids = session.Inputs[0];
        Assert.True(ids.IsTensor);
        Assert.Equal(OnnxElementType.Int64, ids.ElementType);
        Assert.Equal([-1L, -1L], ids.Dimensions);
        Assert.Equal(["batch_size", "sequence_length"], ids.SymbolicDimensions);
        var output = Assert.Single(session.Outputs);
        Assert.Equal(BertOnnxModelWriter.LastHiddenState, output.Name);
        Assert.Equal(OnnxElementType.Float, output.ElementType);
        Assert.Equal("[batch_size, sequence_length, 32]", output.ShapeText);
        Assert.Equal(OnnxExecutionProvider.Cpu, session.ExecutionProvider);
        Assert.Null(session.FallbackReason);
        Assert.Equal(1, session.IntraOpThreads);
    }

    [Fact]
    public void Run_Batch_ReturnsHiddenStatesOfInputShape()
    {
        using var session = OnnxSession.Create(model.ModelPath, Cpu);

        var hidden = RunHidden(session, [101, 7592, 2088, 102, 0, 101, 2023, 2003, 1037, 102], [1, 1, 1, 1, 0, 1, 1, 1, 1, 1], batch: 2, out var shape);

        Assert.Equal([2L, 5L, 32L], shape);
        Assert.Equal(2 * 5 * 32, hidden.Length);
        Assert.All(hidden, v => Assert.True(float.IsFinite(v)));
        Assert.NotEqual(hidden.AsSpan(0, 32).ToArray(), hidden.AsSpan(5 * 32, 32).ToArray());
    }

    [Fact]
    public void Run_PaddedSequence_MaskHidesThePadding()
    {
        using var session = OnnxSession.Create(model.ModelPath, Cpu);

        var alone = RunHidden(session, [101, 7592, 2088, 102], [1, 1, 1, 1], batch: 1, out _);
        var padded = RunHidden(session, [101, 7592, 2088, 102, 0, 0], [1, 1, 1, 1, 0, 0], batch: 1, out _);

        for (var i = 0; i < alone.Length; i++)
        {
            Assert.Equal(alone[i], padded[i], 4);
        }
    }

    [Fact]
    public void Run_SameInputTwice_GivesIdenticalOutput()
    {
        using var session = OnnxSession.Create(model.ModelPath, Cpu);

        var first = RunHidden(session, [101, 2000, 3000, 102], [1, 1, 1, 1], batch: 1, out _);
        var second = RunHidden(session, [101, 2000, 3000, 102], [1, 1, 1, 1], batch: 1, out _);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Run_UnknownInputName_ThrowsNamingTheInputs()
    {
        using var session = OnnxSession.Create(model.ModelPath, Cpu);
        using var value = OnnxValue.CreateTensor(new long[] { 1, 2 }.AsMemory(), [1, 2]);

        var error = Assert.Throws<ArgumentException>(() => session.Run([new OnnxInput("nope", value)], [BertOnnxModelWriter.LastHiddenState]));

        Assert.Contains("no input named 'nope'", error.Message, StringComparison.Ordinal);
        Assert.Contains("input_ids", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingInput_ThrowsOrtError()
    {
        using var session = OnnxSession.Create(model.ModelPath, Cpu);
        using var ids = OnnxValue.CreateTensor(new long[] { 101, 102 }.AsMemory(), [1, 2]);

        var error = Assert.Throws<OnnxRuntimeException>(() => session.Run([new OnnxInput("input_ids", ids)], [BertOnnxModelWriter.LastHiddenState]));

        Assert.Contains("model.onnx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_CancelledToken_OrtTerminatesTheRun()
    {
        // The run itself is valid: only ORT's terminate flag (RunOptionsSetTerminate) can make it fail.
        using var session = OnnxSession.Create(model.ModelPath, Cpu);
        using var ids = OnnxValue.CreateTensor(new long[] { 101, 102 }.AsMemory(), [1, 2]);
        using var mask = OnnxValue.CreateTensor(new long[] { 1, 1 }.AsMemory(), [1, 2]);
        using var types = OnnxValue.CreateTensor(new long[2].AsMemory(), [1, 2]);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.Throws<OperationCanceledException>(() =>
            session.Run([new("input_ids", ids), new("attention_mask", mask), new("token_type_ids", types)], [BertOnnxModelWriter.LastHiddenState], cts.Token));
    }

    [Fact]
    public void Run_CancellableTokenNotCancelled_RunsWithRunOptions()
    {
        using var session = OnnxSession.Create(model.ModelPath, Cpu);
        using var cts = new CancellationTokenSource();
        using var ids = OnnxValue.CreateTensor(new long[] { 101, 102 }.AsMemory(), [1, 2]);
        using var mask = OnnxValue.CreateTensor(new long[] { 1, 1 }.AsMemory(), [1, 2]);
        using var types = OnnxValue.CreateTensor(new long[2].AsMemory(), [1, 2]);

        using var outputs = session.Run([new("input_ids", ids), new("attention_mask", mask), new("token_type_ids", types)], [BertOnnxModelWriter.LastHiddenState], cts.Token);

        Assert.Equal([1L, 2L, 32L], outputs[0].GetShape());
    }

    internal static float[] RunHidden(OnnxSession session, long[] ids, long[] mask, int batch, out long[] shape)
    {
        var sequence = ids.Length / batch;
        long[] dims = [batch, sequence];
        using var idsValue = OnnxValue.CreateTensor(ids.AsMemory(), dims);
        using var maskValue = OnnxValue.CreateTensor(mask.AsMemory(), dims);
        using var typesValue = OnnxValue.CreateTensor(new long[ids.Length].AsMemory(), dims);
        using var outputs = session.Run(
            [new OnnxInput("input_ids", idsValue), new OnnxInput("attention_mask", maskValue), new OnnxInput("token_type_ids", typesValue)],
            [BertOnnxModelWriter.LastHiddenState]);
        shape = outputs[0].GetShape();
        return outputs[0].GetTensorData<float>().ToArray();
    }
}
