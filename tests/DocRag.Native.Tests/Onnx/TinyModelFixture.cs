using DocRag.TestSupport;
using DocRag.TestSupport.Onnx;

namespace DocRag.Native.Tests.Onnx;

/// <summary>One generated tiny BERT-shaped model per test class.</summary>
public sealed class TinyModelFixture : IDisposable
{
    private readonly TempDirectory _dir = new("docrag-ort");

    public TinyModelFixture()
    {
        ModelPath = BertOnnxModelWriter.Write(_dir.Combine("model.onnx"), BertModelOptions.Tiny);
    }

    public string ModelPath { get; }

    public TempDirectory Directory => _dir;

    public void Dispose() => _dir.Dispose();
}
