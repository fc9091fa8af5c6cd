using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;

namespace DocRag.TestSupport.Onnx;

/// <summary>
/// The few protobuf encodings an ONNX file needs: varints, length-delimited fields (strings, bytes, nested messages,
/// packed repeated numbers) and fixed 32-bit floats. Fields are written in the order they are called.
/// </summary>
public sealed class ProtoWriter
{
    private const int WireVarint = 0;
    private const int WireLengthDelimited = 2;
    private const int WireFixed32 = 5;

    private readonly ArrayBufferWriter<byte> _buffer = new();

    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    public void WriteVarint(int field, long value)
    {
        Tag(field, WireVarint);
        RawVarint((ulong)value);
    }

    public void WriteFloat(int field, float value)
    {
        Tag(field, WireFixed32);
        var span = _buffer.GetSpan(4);
        BitConverter.TryWriteBytes(span, value);
        _buffer.Advance(4);
    }

    public void WriteString(int field, string value) => WriteBytes(field, Encoding.UTF8.GetBytes(value));

    public void WriteBytes(int field, ReadOnlySpan<byte> value)
    {
        Tag(field, WireLengthDelimited);
        RawVarint((ulong)value.Length);
        _buffer.Write(value);
    }

    public void WriteMessage(int field, Action<ProtoWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var nested = new ProtoWriter();
        write(nested);
        WriteBytes(field, nested.WrittenSpan);
    }

    public void WritePackedVarints(int field, ReadOnlySpan<long> values)
    {
        var nested = new ProtoWriter();
        foreach (var v in values)
        {
            nested.RawVarint((ulong)v);
        }

        WriteBytes(field, nested.WrittenSpan);
    }

    public void WritePackedFloats(int field, ReadOnlySpan<float> values) => WriteBytes(field, MemoryMarshal.AsBytes(values));

    private void Tag(int field, int wireType) => RawVarint((ulong)((field << 3) | wireType));

    private void RawVarint(ulong value)
    {
        var span = _buffer.GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        _buffer.Advance(i);
    }
}
