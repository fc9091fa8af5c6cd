namespace DocRag.Native.Onnx.Handles;

/// <summary>Owns CUDA provider options (<c>OrtCUDAProviderOptionsV2*</c>).</summary>
internal sealed class OrtCudaProviderOptionsHandle : OrtHandle
{
    protected override bool ReleaseHandle()
    {
        OrtApi.ReleaseCUDAProviderOptions(handle);
        return true;
    }
}
