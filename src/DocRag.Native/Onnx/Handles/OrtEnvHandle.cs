namespace DocRag.Native.Onnx.Handles;

/// <summary>Owns an environment (<c>OrtEnv*</c>).</summary>
internal sealed class OrtEnvHandle : OrtHandle
{
    protected override bool ReleaseHandle()
    {
        OrtApi.ReleaseEnv(handle);
        return true;
    }
}
