using DocRag.Native.Onnx.Handles;

namespace DocRag.Native.Onnx;

/// <summary>Reading a value's type, shape and data.</summary>
public sealed unsafe partial class OnnxValue
{
    /// <summary>The tensor's element type.</summary>
    public OnnxElementType ElementType
    {
        get
        {
            using var info = GetTypeAndShape();
            OnnxElementType type;
            OrtStatus.ThrowIfFailed(OrtApi.GetTensorElementType(info.DangerousGetHandle(), &type), "Reading a tensor's element type failed");
            return type;
        }
    }

    /// <summary>The tensor's shape.</summary>
    public long[] GetShape()
    {
        using var info = GetTypeAndShape();
        return ReadDimensions(info.DangerousGetHandle());
    }

    /// <summary>The tensor's elements, read in place; <typeparamref name="T"/> must be its element type.</summary>
    public ReadOnlySpan<T> GetTensorData<T>()
        where T : unmanaged => GetTensorMutableData<T>();

    /// <summary>The tensor's elements as a writable span over ORT's (or the pinned input's) memory.</summary>
    public Span<T> GetTensorMutableData<T>()
        where T : unmanaged
    {
        using var info = GetTypeAndShape();
        var raw = info.DangerousGetHandle();
        OnnxElementType type;
        OrtStatus.ThrowIfFailed(OrtApi.GetTensorElementType(raw, &type), "Reading a tensor's element type failed");
        var wanted = ElementTypeOf<T>();
        if (type != wanted)
        {
            throw new InvalidOperationException($"The tensor holds {type} elements, not {wanted}.");
        }

        nuint count;
        OrtStatus.ThrowIfFailed(OrtApi.GetTensorShapeElementCount(raw, &count), "Reading a tensor's size failed");
        void* data;
        OrtStatus.ThrowIfFailed(OrtApi.GetTensorMutableData(_handle.DangerousGetHandle(), &data), "Reading a tensor's data failed");
        return new Span<T>(data, checked((int)count));
    }

    internal static long[] ReadDimensions(nint tensorInfo)
    {
        nuint rank;
        OrtStatus.ThrowIfFailed(OrtApi.GetDimensionsCount(tensorInfo, &rank), "Reading a tensor's rank failed");
        var dims = new long[(int)rank];
        fixed (long* p = dims)
        {
            OrtStatus.ThrowIfFailed(OrtApi.GetDimensions(tensorInfo, p, rank), "Reading a tensor's shape failed");
        }

        return dims;
    }

    private OrtTensorTypeAndShapeInfoHandle GetTypeAndShape()
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        var info = new OrtTensorTypeAndShapeInfoHandle();
        nint raw;
        OrtStatus.ThrowIfFailed(OrtApi.GetTensorTypeAndShape(_handle.DangerousGetHandle(), &raw), "Reading a tensor's type and shape failed");
        info.Attach(raw);
        return info;
    }
}
