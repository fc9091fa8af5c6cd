using System.Runtime.InteropServices;
using DocRag.Native.Onnx.Handles;

namespace DocRag.Native.Onnx;

/// <summary>Discovering the session's inputs and outputs: names, element types, shapes.</summary>
public sealed unsafe partial class OnnxSession
{
    private const int OnnxTypeTensor = 1;

    private OnnxNodeInfo[] ReadNodes(bool isInput)
    {
        var session = _handle.DangerousGetHandle();
        nuint count;
        OrtStatus.ThrowIfFailed(
            isInput ? OrtApi.SessionGetInputCount(session, &count) : OrtApi.SessionGetOutputCount(session, &count),
            "Reading the model's inputs and outputs failed");
        nint allocator;
        OrtStatus.ThrowIfFailed(OrtApi.GetAllocatorWithDefaultOptions(&allocator), "Getting ORT's default allocator failed");

        var nodes = new OnnxNodeInfo[(int)count];
        for (nuint i = 0; i < count; i++)
        {
            byte* rawName;
            OrtStatus.ThrowIfFailed(
                isInput ? OrtApi.SessionGetInputName(session, i, allocator, &rawName) : OrtApi.SessionGetOutputName(session, i, allocator, &rawName),
                "Reading an input or output name failed");
            string name;
            try
            {
                name = Marshal.PtrToStringUTF8((nint)rawName) ?? string.Empty;
            }
            finally
            {
                OrtStatus.ThrowIfFailed(OrtApi.AllocatorFree(allocator, rawName));
            }

            nodes[(int)i] = ReadType(session, i, isInput, name);
        }

        return nodes;
    }

    private static OnnxNodeInfo ReadType(nint session, nuint index, bool isInput, string name)
    {
        using var typeInfo = new OrtTypeInfoHandle();
        nint raw;
        OrtStatus.ThrowIfFailed(
            isInput ? OrtApi.SessionGetInputTypeInfo(session, index, &raw) : OrtApi.SessionGetOutputTypeInfo(session, index, &raw),
            $"Reading the type of '{name}' failed");
        typeInfo.Attach(raw);

        int onnxType;
        OrtStatus.ThrowIfFailed(OrtApi.GetOnnxTypeFromTypeInfo(raw, &onnxType), $"Reading the type of '{name}' failed");
        if (onnxType != OnnxTypeTensor)
        {
            return new OnnxNodeInfo(name, false, OnnxElementType.Undefined, [], []);
        }

        nint tensorInfo;
        OrtStatus.ThrowIfFailed(OrtApi.CastTypeInfoToTensorInfo(raw, &tensorInfo), $"Reading the tensor type of '{name}' failed");
        OnnxElementType elementType;
        OrtStatus.ThrowIfFailed(OrtApi.GetTensorElementType(tensorInfo, &elementType), $"Reading the element type of '{name}' failed");
        var dims = OnnxValue.ReadDimensions(tensorInfo);
        var symbols = new string[dims.Length];
        var pointers = stackalloc byte*[Math.Max(dims.Length, 1)];
        OrtStatus.ThrowIfFailed(OrtApi.GetSymbolicDimensions(tensorInfo, pointers, (nuint)dims.Length), $"Reading the shape of '{name}' failed");
        for (var d = 0; d < dims.Length; d++)
        {
            symbols[d] = pointers[d] == null ? string.Empty : Marshal.PtrToStringUTF8((nint)pointers[d]) ?? string.Empty;
        }

        return new OnnxNodeInfo(name, true, elementType, dims, symbols);
    }
}
