using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace DocRag.Native.Onnx;

/// <summary>Turns an <c>OrtStatus*</c> into an exception: null is success; anything else is read, released and thrown.</summary>
internal static unsafe partial class OrtStatus
{
    /// <summary>Throws <see cref="OnnxRuntimeException"/> with ORT's code and message when <paramref name="status"/> is an error.</summary>
    public static void ThrowIfFailed(nint status, string? context = null)
    {
        if (status != 0)
        {
            throw ToException(status, context);
        }
    }

    /// <summary>Reads and releases a non-null status.</summary>
    public static OnnxRuntimeException ToException(nint status, string? context = null)
    {
        OrtErrorCode code;
        string message;
        try
        {
            code = OrtApi.GetErrorCode(status);
            message = (Marshal.PtrToStringUTF8((nint)OrtApi.GetErrorMessage(status)) ?? string.Empty).Trim();
        }
        finally
        {
            OrtApi.ReleaseStatus(status);
        }

        message = SourcePrefix().Replace(message, string.Empty);
        var text = context is null ? $"ONNX Runtime error ({code}): {message}" : $"{context}: {message} (ONNX Runtime {code})";
        return new OnnxRuntimeException(code, text);
    }

    // ORT prefixes some messages with its source location and code ("/onnxruntime_src/x.cc:12 f() [ONNXRuntimeError] : 1 : FAIL : ");
    // the code is reported separately, so only the human part is kept.
    [GeneratedRegex(@"^.*\[ONNXRuntimeError\] : \d+ : \w+ : ", RegexOptions.Singleline)]
    private static partial Regex SourcePrefix();
}
