namespace DocRag.Native.Onnx.Handles;

/// <summary>Owns an inference session (<c>OrtSession*</c>).</summary>
internal sealed class OrtSessionHandle : OrtHandle
{
    protected override bool ReleaseHandle()
    {
        OrtApi.ReleaseSession(handle);
        return true;
    }
}
