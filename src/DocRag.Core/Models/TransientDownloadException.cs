namespace DocRag.Core.Models;

/// <summary>An attempt failed in a way another attempt may fix (dropped connection, stall, 5xx).</summary>
internal sealed class TransientDownloadException : Exception
{
    public TransientDownloadException()
    {
    }

    public TransientDownloadException(string message)
        : base(message)
    {
    }

    public TransientDownloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
