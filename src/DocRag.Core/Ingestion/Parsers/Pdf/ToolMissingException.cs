namespace DocRag.Core.Ingestion.Parsers.Pdf;

/// <summary>A helper executable (pdftotext, tesseract, ...) is not installed or cannot be started.</summary>
public sealed class ToolMissingException : Exception
{
    public ToolMissingException()
    {
    }

    public ToolMissingException(string message)
        : base(message)
    {
    }

    public ToolMissingException(string message, Exception innerException)
        : base($"'{message}' could not be started: {innerException?.Message}", innerException)
    {
        Tool = message;
    }

    public string? Tool { get; }
}
