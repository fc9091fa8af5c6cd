namespace DocRag.Native.Onnx.Handles;

/// <summary>Owns the element type and shape of a value (<c>OrtTensorTypeAndShapeInfo*</c>).</summary>
internal sealed class OrtTensorTypeAndShapeInfoHandle : OrtHandle
{
    protected override bool ReleaseHandle()
    {
        OrtApi.ReleaseTensorTypeAndShapeInfo(handle);
        return true;
    }
}
