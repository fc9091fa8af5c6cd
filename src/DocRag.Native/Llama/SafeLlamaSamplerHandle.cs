using Microsoft.Win32.SafeHandles;

namespace DocRag.Native.Llama;

/// <summary>Owns a <c>llama_sampler*</c> chain (and so every sampler added to it).</summary>
public sealed class SafeLlamaSamplerHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafeLlamaSamplerHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        LlamaNative.llama_sampler_free(handle);
        return true;
    }
}
