using System.Collections;

namespace DocRag.Native.Onnx;

/// <summary>The values one run returned, in the order their names were asked for; disposing it frees them all.</summary>
public sealed class OnnxOutputs : IReadOnlyList<OnnxValue>, IDisposable
{
    private readonly OnnxValue[] _values;

    internal OnnxOutputs(OnnxValue[] values) => _values = values;

    public int Count => _values.Length;

    public OnnxValue this[int index] => _values[index];

    public IEnumerator<OnnxValue> GetEnumerator() => ((IEnumerable<OnnxValue>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _values.GetEnumerator();

    public void Dispose()
    {
        foreach (var value in _values)
        {
            value.Dispose();
        }
    }
}
