using System.Runtime.InteropServices;

namespace DocRag.Native.Llama;

/// <summary>
/// Keeps a SafeHandle alive across a native call made with a raw pointer derived from it (a model's vocabulary, a
/// context's memory): <c>using var lease = new SafeHandleLease(handle);</c>.
/// </summary>
internal ref struct SafeHandleLease
{
    private readonly SafeHandle _handle;
    private bool _added;

    public SafeHandleLease(SafeHandle handle)
    {
        _handle = handle;
        _added = false;
        handle.DangerousAddRef(ref _added); // throws ObjectDisposedException once the handle is closed
    }

    public void Dispose()
    {
        if (_added)
        {
            _added = false;
            _handle.DangerousRelease();
        }
    }
}
