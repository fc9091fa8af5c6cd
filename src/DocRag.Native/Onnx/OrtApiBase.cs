using System.Runtime.InteropServices;

namespace DocRag.Native.Onnx;

/// <summary><c>struct OrtApiBase</c>: the entry point ORT exports; everything else comes from <see cref="GetApi"/>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct OrtApiBase
{
    /// <summary><c>const OrtApi* (*GetApi)(uint32_t version)</c>; null when the library is older than the version asked for.</summary>
    public delegate* unmanaged[Cdecl]<uint, nint> GetApi;

    /// <summary><c>const char* (*GetVersionString)(void)</c>.</summary>
    public delegate* unmanaged[Cdecl]<byte*> GetVersionString;
}
