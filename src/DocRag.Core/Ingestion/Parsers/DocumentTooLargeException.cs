namespace DocRag.Core.Ingestion.Parsers;

/// <summary>Thrown inside a parser when a document passes a size limit; reported as <c>too large</c>.</summary>
public sealed class DocumentTooLargeException : Exception
{
    public DocumentTooLargeException()
    {
    }

    public DocumentTooLargeException(string message)
        : base(message)
    {
    }

    public DocumentTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
