namespace DocRag.Core.Ingestion.Parsers;

/// <summary>Reads one file format into blocks of text. A bad file is a failed <see cref="ParseResult"/>, not an exception.</summary>
public interface IDocumentParser
{
    /// <summary>The file extensions this parser reads, lower case with the dot (<c>.pdf</c>).</summary>
    IReadOnlyCollection<string> Extensions { get; }

    /// <summary>The document type recorded in the index (<c>pdf</c>, <c>docx</c>, ...).</summary>
    string DocumentType { get; }

    Task<ParseResult> ParseAsync(string path, CancellationToken cancellationToken = default);
}
