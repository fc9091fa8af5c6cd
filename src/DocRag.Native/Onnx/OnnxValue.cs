using System.Buffers;
using DocRag.Native.Onnx.Handles;

namespace DocRag.Native.Onnx;

/// <summary>
/// An ORT value (a tensor). Inputs are created over pinned managed memory, so nothing is copied; outputs are owned by
/// ORT and read in place. The data spans are valid until the value is disposed.
/// </summary>
public sealed unsafe partial class OnnxValue : IDisposable
{
    private readonly OrtValueHandle _handle;
    private MemoryHandle _pin;

    internal OnnxValue(OrtValueHandle handle, MemoryHandle pin = default)
    {
        _handle = handle;
        _pin = pin;
    }

    internal OrtValueHandle Handle => _handle;

    /// <summary>
    /// A tensor over <paramref name="data"/> (pinned until this value is disposed; ORT reads it in place). Its length
    /// must equal the product of <paramref name="shape"/>.
    /// </summary>
    public static OnnxValue CreateTensor<T>(Memory<T> data, ReadOnlySpan<long> shape)
        where T : unmanaged
    {
        var elementType = ElementTypeOf<T>();
        long count = 1;
        foreach (var dim in shape)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(dim, nameof(shape));
            count *= dim;
        }

        if (count != data.Length)
        {
            throw new ArgumentException($"A tensor of shape [{string.Join(", ", shape.ToArray())}] needs {count} elements, not {data.Length}.", nameof(data));
        }

        var pin = data.Pin();
        var handle = new OrtValueHandle();
        try
        {
            nint value;
            fixed (long* dims = shape)
            {
                OrtStatus.ThrowIfFailed(
                    OrtApi.CreateTensorWithDataAsOrtValue(
                        CpuMemory.Info.DangerousGetHandle(), pin.Pointer, (nuint)(data.Length * sizeof(T)), dims, (nuint)shape.Length, elementType, &value),
                    "Creating an input tensor failed");
            }

            handle.Attach(value);
            return new OnnxValue(handle, pin);
        }
        catch
        {
            handle.Dispose();
            pin.Dispose();
            throw;
        }
    }

    /// <summary>The ONNX element type of a managed type.</summary>
    public static OnnxElementType ElementTypeOf<T>()
        where T : unmanaged =>
        typeof(T) == typeof(float) ? OnnxElementType.Float
        : typeof(T) == typeof(long) ? OnnxElementType.Int64
        : typeof(T) == typeof(int) ? OnnxElementType.Int32
        : typeof(T) == typeof(double) ? OnnxElementType.Double
        : typeof(T) == typeof(byte) ? OnnxElementType.UInt8
        : typeof(T) == typeof(sbyte) ? OnnxElementType.Int8
        : typeof(T) == typeof(short) ? OnnxElementType.Int16
        : typeof(T) == typeof(ushort) ? OnnxElementType.UInt16
        : typeof(T) == typeof(uint) ? OnnxElementType.UInt32
        : typeof(T) == typeof(ulong) ? OnnxElementType.UInt64
        : typeof(T) == typeof(bool) ? OnnxElementType.Bool
        : typeof(T) == typeof(Half) ? OnnxElementType.Float16
        : throw new NotSupportedException($"{typeof(T).Name} has no ONNX tensor element type.");

    public void Dispose()
    {
        // ORT lets go of the buffer before it is unpinned.
        _handle.Dispose();
        _pin.Dispose();
        _pin = default;
    }
}
