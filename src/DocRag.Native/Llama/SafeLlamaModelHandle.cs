using Microsoft.Win32.SafeHandles;

namespace DocRag.Native.Llama;

/// <summary>Owns a <c>llama_model*</c>; released with <c>llama_model_free</c> once no context holds it any more.</summary>
public sealed class SafeLlamaModelHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafeLlamaModelHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        LlamaNative.llama_model_free(handle);
        return true;
    }
}
