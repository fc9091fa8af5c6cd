namespace DocRag.Native.Onnx.Handles;

/// <summary>Owns a memory description (<c>OrtMemoryInfo*</c>).</summary>
internal sealed class OrtMemoryInfoHandle : OrtHandle
{
    protected override bool ReleaseHandle()
    {
        OrtApi.ReleaseMemoryInfo(handle);
        return true;
    }
}
