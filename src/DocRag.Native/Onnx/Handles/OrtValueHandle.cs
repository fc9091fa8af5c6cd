namespace DocRag.Native.Onnx.Handles;

/// <summary>Owns a value, usually a tensor (<c>OrtValue*</c>).</summary>
internal sealed class OrtValueHandle : OrtHandle
{
    protected override bool ReleaseHandle()
    {
        OrtApi.ReleaseValue(handle);
        return true;
    }
}
