using System.Runtime.InteropServices;

namespace DocRag.Native.Onnx;

/// <summary>Facts about the ONNX Runtime library that is actually loaded.</summary>
public static class OnnxRuntimeInfo
{
    /// <summary>ORT's own version string (for example "1.30.0"). Throws <see cref="DllNotFoundException"/> when it cannot be loaded.</summary>
    public static unsafe string GetVersionString()
    {
        var apiBase = OrtNative.OrtGetApiBase();
        return Marshal.PtrToStringUTF8((nint)apiBase->GetVersionString()) ?? string.Empty;
    }
}
