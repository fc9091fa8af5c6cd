namespace DocRag.TestSupport.Onnx;

/// <summary>A node attribute (AttributeProto): an int, a float or a list of ints.</summary>
public sealed record OnnxAttr(string Name, long? IntValue = null, float? FloatValue = null, IReadOnlyList<long>? IntValues = null)
{
    private const int TypeFloat = 1;
    private const int TypeInt = 2;
    private const int TypeInts = 7;

    public static OnnxAttr Of(string name, long value) => new(name, IntValue: value);

    public static OnnxAttr Of(string name, float value) => new(name, FloatValue: value);

    public static OnnxAttr Of(string name, params long[] values) => new(name, IntValues: values);

    internal void WriteTo(ProtoWriter w)
    {
        w.WriteString(1, Name);
        if (IntValue is { } i)
        {
            w.WriteVarint(3, i);
            w.WriteVarint(20, TypeInt);
        }
        else if (FloatValue is { } f)
        {
            w.WriteFloat(2, f);
            w.WriteVarint(20, TypeFloat);
        }
        else if (IntValues is { } ints)
        {
            w.WritePackedVarints(8, ints.ToArray());
            w.WriteVarint(20, TypeInts);
        }
    }
}
