using System.Runtime.InteropServices;

namespace DocRag.Native.Onnx.Handles;

/// <summary>An owned pointer to one ORT object; each subclass knows the one <c>Release*</c> entry that frees it.</summary>
internal abstract class OrtHandle : SafeHandle
{
    protected OrtHandle()
        : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    /// <summary>Takes ownership of a pointer an ORT <c>Create*</c> call just returned.</summary>
    internal void Attach(nint pointer) => SetHandle(pointer);
}
