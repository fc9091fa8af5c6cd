namespace DocRag.Native.Onnx;

/// <summary>Values (tensors) and their type and shape.</summary>
internal static unsafe partial class OrtApi
{
    internal static nint CreateTensorWithDataAsOrtValue(
        nint memoryInfo, void* data, nuint byteLength, long* shape, nuint rank, OnnxElementType type, nint* value) =>
        ((delegate* unmanaged<nint, void*, nuint, long*, nuint, OnnxElementType, nint*, nint>)Table[OrtApiIndex.CreateTensorWithDataAsOrtValue])(
            memoryInfo, data, byteLength, shape, rank, type, value);

    internal static void ReleaseValue(nint value) =>
        ((delegate* unmanaged<nint, void>)Table[OrtApiIndex.ReleaseValue])(value);

    internal static nint GetTensorMutableData(nint value, void** data) =>
        ((delegate* unmanaged<nint, void**, nint>)Table[OrtApiIndex.GetTensorMutableData])(value, data);

    internal static nint GetTensorTypeAndShape(nint value, nint* info) =>
        ((delegate* unmanaged<nint, nint*, nint>)Table[OrtApiIndex.GetTensorTypeAndShape])(value, info);

    internal static void ReleaseTensorTypeAndShapeInfo(nint info) =>
        ((delegate* unmanaged<nint, void>)Table[OrtApiIndex.ReleaseTensorTypeAndShapeInfo])(info);

    internal static nint GetTensorElementType(nint info, OnnxElementType* type) =>
        ((delegate* unmanaged<nint, OnnxElementType*, nint>)Table[OrtApiIndex.GetTensorElementType])(info, type);

    internal static nint GetDimensionsCount(nint info, nuint* count) =>
        ((delegate* unmanaged<nint, nuint*, nint>)Table[OrtApiIndex.GetDimensionsCount])(info, count);

    internal static nint GetDimensions(nint info, long* dims, nuint count) =>
        ((delegate* unmanaged<nint, long*, nuint, nint>)Table[OrtApiIndex.GetDimensions])(info, dims, count);

    internal static nint GetSymbolicDimensions(nint info, byte** names, nuint count) =>
        ((delegate* unmanaged<nint, byte**, nuint, nint>)Table[OrtApiIndex.GetSymbolicDimensions])(info, names, count);

    internal static nint GetTensorShapeElementCount(nint info, nuint* count) =>
        ((delegate* unmanaged<nint, nuint*, nint>)Table[OrtApiIndex.GetTensorShapeElementCount])(info, count);
}
