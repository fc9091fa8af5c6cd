using System.Runtime.InteropServices;
using DocRag.Native.Loading;

namespace DocRag.Native.Onnx;

/// <summary>The one symbol ONNX Runtime exports; the rest of its C API is a table of function pointers.</summary>
internal static unsafe partial class OrtNative
{
    static OrtNative() => NativeLibraryResolver.EnsureRegistered();

    [LibraryImport(NativeLibraryNames.OnnxRuntime)]
    internal static partial OrtApiBase* OrtGetApiBase();
}
