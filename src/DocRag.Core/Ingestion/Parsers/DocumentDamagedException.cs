namespace DocRag.Core.Ingestion.Parsers;

/// <summary>Thrown inside a parser for a file that is not a valid instance of its format; reported as <c>damaged</c>.</summary>
public sealed class DocumentDamagedException : Exception
{
    public DocumentDamagedException()
    {
    }

    public DocumentDamagedException(string message)
        : base(message)
    {
    }

    public DocumentDamagedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
