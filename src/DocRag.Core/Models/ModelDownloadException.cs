namespace DocRag.Core.Models;

/// <summary>A pull failed; <see cref="Exception.Message"/> is one line a user can act on.</summary>
public sealed class ModelDownloadException : Exception
{
    public ModelDownloadException()
    {
    }

    public ModelDownloadException(string message)
        : base(message)
    {
    }

    public ModelDownloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ModelDownloadException(ModelDownloadErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    /// <summary>Why the pull failed.</summary>
    public ModelDownloadErrorKind Kind { get; }
}
