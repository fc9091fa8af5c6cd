namespace DocRag.Native.Onnx.Handles;

/// <summary>Owns options of one run (<c>OrtRunOptions*</c>).</summary>
internal sealed class OrtRunOptionsHandle : OrtHandle
{
    protected override bool ReleaseHandle()
    {
        OrtApi.ReleaseRunOptions(handle);
        return true;
    }
}
