using System.Text;

namespace DocRag.TestSupport.Gguf;

/// <summary>Typed metadata: one <c>Add</c> overload per GGUF scalar type, and arrays of any of them.</summary>
public sealed partial class GgufWriter
{
    public GgufWriter Add(string key, string value) => Put(key, GgufValueType.String, value);

    public GgufWriter Add(string key, bool value) => Put(key, GgufValueType.Bool, value);

    public GgufWriter Add(string key, byte value) => Put(key, GgufValueType.UInt8, value);

    public GgufWriter Add(string key, sbyte value) => Put(key, GgufValueType.Int8, value);

    public GgufWriter Add(string key, ushort value) => Put(key, GgufValueType.UInt16, value);

    public GgufWriter Add(string key, short value) => Put(key, GgufValueType.Int16, value);

    public GgufWriter Add(string key, uint value) => Put(key, GgufValueType.UInt32, value);

    public GgufWriter Add(string key, int value) => Put(key, GgufValueType.Int32, value);

    public GgufWriter Add(string key, ulong value) => Put(key, GgufValueType.UInt64, value);

    public GgufWriter Add(string key, long value) => Put(key, GgufValueType.Int64, value);

    public GgufWriter Add(string key, float value) => Put(key, GgufValueType.Float32, value);

    public GgufWriter Add(string key, double value) => Put(key, GgufValueType.Float64, value);

    /// <summary>An array value: every element has <paramref name="elementType"/> (strings, numbers or bools; not nested).</summary>
    public GgufWriter AddArray<T>(string key, GgufValueType elementType, IReadOnlyList<T> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (elementType == GgufValueType.Array)
        {
            throw new ArgumentException("Nested arrays are not supported.", nameof(elementType));
        }

        return Put(key, GgufValueType.Array, (elementType, values.Cast<object>().ToArray()));
    }

    private GgufWriter Put(string key, GgufValueType type, object value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        _metadata.RemoveAll(m => m.Key == key);
        _metadata.Add((key, type, value));
        return this;
    }

    private static void WriteString(BinaryWriter w, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        w.Write((ulong)bytes.Length);
        w.Write(bytes);
    }

    private static void WriteValue(BinaryWriter w, GgufValueType type, object value)
    {
        switch (type)
        {
            case GgufValueType.UInt8: w.Write(Convert.ToByte(value, null)); break;
            case GgufValueType.Int8: w.Write(Convert.ToSByte(value, null)); break;
            case GgufValueType.UInt16: w.Write(Convert.ToUInt16(value, null)); break;
            case GgufValueType.Int16: w.Write(Convert.ToInt16(value, null)); break;
            case GgufValueType.UInt32: w.Write(Convert.ToUInt32(value, null)); break;
            case GgufValueType.Int32: w.Write(Convert.ToInt32(value, null)); break;
            case GgufValueType.UInt64: w.Write(Convert.ToUInt64(value, null)); break;
            case GgufValueType.Int64: w.Write(Convert.ToInt64(value, null)); break;
            case GgufValueType.Float32: w.Write(Convert.ToSingle(value, null)); break;
            case GgufValueType.Float64: w.Write(Convert.ToDouble(value, null)); break;
            case GgufValueType.Bool: w.Write(Convert.ToBoolean(value, null) ? (byte)1 : (byte)0); break;
            case GgufValueType.String: WriteString(w, (string)value); break;
            case GgufValueType.Array:
                var (elementType, items) = ((GgufValueType, object[]))value;
                w.Write((uint)elementType);
                w.Write((ulong)items.Length);
                foreach (var item in items)
                {
                    WriteValue(w, elementType, item);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown GGUF value type.");
        }
    }
}
