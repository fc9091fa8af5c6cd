namespace DocRag.Native.Onnx;

/// <summary>A failed ONNX Runtime call: ORT's error category and its own message.</summary>
public sealed class OnnxRuntimeException : Exception
{
    public OnnxRuntimeException()
    {
    }

    public OnnxRuntimeException(string message)
        : base(message)
    {
    }

    public OnnxRuntimeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OnnxRuntimeException(OrtErrorCode errorCode, string message, Exception? innerException = null)
        : base(message, innerException) => ErrorCode = errorCode;

    /// <summary>ORT's <c>OrtErrorCode</c> for the failure.</summary>
    public OrtErrorCode ErrorCode { get; } = OrtErrorCode.Fail;
}
