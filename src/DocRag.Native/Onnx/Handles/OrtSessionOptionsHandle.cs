namespace DocRag.Native.Onnx.Handles;

/// <summary>Owns session options (<c>OrtSessionOptions*</c>).</summary>
internal sealed class OrtSessionOptionsHandle : OrtHandle
{
    protected override bool ReleaseHandle()
    {
        OrtApi.ReleaseSessionOptions(handle);
        return true;
    }
}
