namespace DocRag.Native.Onnx.Handles;

/// <summary>Owns the type of a session input or output (<c>OrtTypeInfo*</c>).</summary>
internal sealed class OrtTypeInfoHandle : OrtHandle
{
    protected override bool ReleaseHandle()
    {
        OrtApi.ReleaseTypeInfo(handle);
        return true;
    }
}
