using Microsoft.Win32.SafeHandles;

namespace DocRag.Native.Llama;

/// <summary>
/// Owns a <c>llama_context*</c>. It holds a reference on its model handle (DangerousAddRef) so the model is freed only
/// after the last context that uses it.
/// </summary>
public sealed class SafeLlamaContextHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    private SafeLlamaModelHandle? _model;

    public SafeLlamaContextHandle()
        : base(ownsHandle: true)
    {
    }

    /// <summary>Creates a context on <paramref name="model"/>, taking a reference on it first.</summary>
    internal static SafeLlamaContextHandle Create(SafeLlamaModelHandle model, Interop.LlamaContextParams parameters)
    {
        var context = new SafeLlamaContextHandle();
        var added = false;
        model.DangerousAddRef(ref added);
        try
        {
            var ptr = LlamaNative.llama_init_from_model(model, parameters);
            if (ptr == 0)
            {
                return context; // invalid; the caller reports why
            }

            context._model = model;
            context.SetHandle(ptr);
            added = false; // the reference now belongs to the context handle
            return context;
        }
        finally
        {
            if (added)
            {
                model.DangerousRelease();
            }
        }
    }

    protected override bool ReleaseHandle()
    {
        LlamaNative.llama_free(handle);
        _model?.DangerousRelease();
        _model = null;
        return true;
    }
}
